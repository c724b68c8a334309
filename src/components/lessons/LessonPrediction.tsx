import { useId } from 'react';
import type { Prediction } from '../../lessons';
import { appStore } from '../../store/store';

interface Props {
  readonly prediction: Prediction;
  readonly answer: number | null;
  /** The lesson's checks are decided: the answer can be revealed against the outcome. */
  readonly decided: boolean;
}

/** "Predict first": the question with its choices as radio buttons; the reveal once the run decided. */
export function LessonPrediction({ prediction, answer, decided }: Props) {
  const name = useId();
  const right = answer === prediction.answer;
  return (
    <fieldset className="lesson-prediction">
      <legend>Predict first: {prediction.question}</legend>
      {prediction.choices.map((choice, i) => (
        <label
          key={choice}
          className={decided && i === prediction.answer ? 'lesson-choice right' : 'lesson-choice'}
        >
          <input
            type="radio"
            name={name}
            checked={answer === i}
            disabled={answer !== null}
            onChange={() => appStore.getState().answerLesson(i)}
          />
          {choice}
        </label>
      ))}
      {answer === null ? (
        <p className="hint">Answer to enable Train.</p>
      ) : decided ? (
        <p className="lesson-reveal" data-testid="lesson-reveal">
          <strong>
            {right
              ? 'You predicted right.'
              : `Not quite: the answer is “${prediction.choices[prediction.answer]}”.`}
          </strong>{' '}
          {prediction.reveal}
        </p>
      ) : (
        <p className="hint">Now train: the answer is revealed once the checks are decided.</p>
      )}
    </fieldset>
  );
}
