import { useId, useRef, useState } from 'react';
import { LESSONS } from '../../lessons';
import { browserStorage } from '../../store/browserStorage';
import { exportLabText, makeShareLink, restorePreviousLab } from '../../store/labActions';
import { appStore, useAppStore } from '../../store/store';
import { ShareForClassDialog } from '../classroom/ShareForClassDialog';
import { useTrainer } from '../TrainerContext';
import { downloadText } from './downloadText';
import { readLabFile } from './readLabFile';
import { ShareLinkField } from './ShareLinkField';

/** Share link, Share for class, Export lab (optionally with trained weights), Import lab, Restore my previous lab. */
export function LabControls() {
  const trainer = useTrainer();
  const previous = useAppStore((s) => s.previousLab !== null);
  const [withWeights, setWithWeights] = useState(false);
  const [withData, setWithData] = useState(false);
  const imported = useAppStore((s) => s.data.dataset === 'csv');
  const dataId = useId();
  const [classOpen, setClassOpen] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const weightsId = useId();
  const notify = (kind: 'error' | 'info', text: string) => appStore.getState().notify(kind, text);

  const share = () => {
    // Not the query: the sharer's ?backend= or ?debug= is theirs, not part of the lab.
    const { origin, pathname } = window.location;
    const made = makeShareLink(appStore, `${origin}${pathname}`);
    if (!made.ok) return notify('error', made.error);
    appStore.getState().setShareLink(made.link);
  };
  const exportLab = async () => {
    const weights = withWeights ? await trainer.weights() : null;
    if (withWeights && !weights) notify('info', 'The model is not built yet, so the file holds no weights.');
    const made = exportLabText(appStore, weights, { withData: withData && imported });
    if (!made.ok) return notify('error', made.error);
    downloadText(made.text, weights ? 'normlab-lab-with-weights.json' : 'normlab-lab.json');
  };

  return (
    <div className="lab-controls">
      <button type="button" onClick={share}>
        Share link
      </button>
      <button type="button" onClick={() => setClassOpen(true)}>
        Share for class
      </button>
      {classOpen && <ShareForClassDialog lessons={LESSONS} onClose={() => setClassOpen(false)} />}
      <button type="button" onClick={() => void exportLab()}>
        Export lab
      </button>
      <button type="button" onClick={() => fileRef.current?.click()}>
        Import lab
      </button>
      <span className="field-check wide">
        <input
          id={weightsId}
          type="checkbox"
          checked={withWeights}
          onChange={(e) => setWithWeights(e.target.checked)}
        />
        <label htmlFor={weightsId}>Export with trained weights</label>
      </span>
      {imported && (
        <span className="field-check wide">
          <input
            id={dataId}
            type="checkbox"
            checked={withData}
            onChange={(e) => setWithData(e.target.checked)}
          />
          <label htmlFor={dataId}>Export with the data (the imported rows)</label>
        </span>
      )}
      <input
        ref={fileRef}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Lab file to import"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void readLabFile(file);
        }}
      />
      {previous && (
        <button type="button" className="wide" onClick={() => restorePreviousLab(appStore, browserStorage())}>
          Restore my previous lab
        </button>
      )}
      <ShareLinkField />
    </div>
  );
}
