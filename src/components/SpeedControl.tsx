import { appStore, useAppStore } from '../store/store';
import { SelectField } from './SelectField';

/** The speeds on offer: steps per animation frame, or full speed (the loop's own pace). */
export const SPEEDS: readonly { value: string; label: string; perFrame: number | null }[] = [
  { value: '1', label: '1 step/frame', perFrame: 1 },
  { value: '4', label: '4 steps/frame', perFrame: 4 },
  { value: '16', label: '16 steps/frame', perFrame: 16 },
  { value: 'full', label: 'Full speed', perFrame: null },
];

/** "Speed": slow motion, where the boundary visibly forms frame by frame, up to full speed. */
export function SpeedControl() {
  const speed = useAppStore((s) => s.speed);
  const value = SPEEDS.find((s) => s.perFrame === speed)?.value ?? 'full';
  return (
    <SelectField<string>
      label="Speed"
      value={value}
      options={SPEEDS}
      onChange={(v) => appStore.getState().setSpeed(SPEEDS.find((s) => s.value === v)?.perFrame ?? null)}
      className="speed-field"
      help="Slow speeds (steps per animation frame) redraw the decision boundary after every few steps, so you can watch it form; Full speed trains as fast as this machine can."
    />
  );
}
