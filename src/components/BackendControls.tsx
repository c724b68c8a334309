import { appStore, useAppStore } from '../store/store';
import type { BackendPref } from '../train/protocol';
import { SelectField } from './SelectField';

const BACKENDS: readonly { value: BackendPref; label: string }[] = [
  { value: 'auto', label: 'Auto' },
  { value: 'webgl', label: 'WebGL (GPU)' },
  { value: 'wasm', label: 'WASM' },
  { value: 'cpu', label: 'CPU' },
];

/** The backend choice and a badge that says which one runs and why. */
export function BackendControls() {
  const pref = useAppStore((s) => s.backendPref);
  const backend = useAppStore((s) => s.backend);
  return (
    <fieldset className="toolbar-group backend-group">
      <legend>Engine</legend>
      <SelectField<BackendPref>
        label="Backend"
        value={pref}
        options={BACKENDS}
        onChange={(p) => appStore.getState().setBackendPref(p)}
        help="Where tfjs computes. Auto starts on WASM and, on a real GPU, times WebGL against it on your model, moving to WebGL only when it is clearly faster (the badge gives both figures)."
      />
      <div
        className={`backend-badge backend-${backend?.name ?? 'none'}`}
        data-testid="backend-badge"
        title={backend?.reason ?? 'Starting…'}
        aria-live="polite"
      >
        <strong>{backend ? backend.name : 'starting…'}</strong>
        <span className="backend-reason">{backend?.reason ?? 'loading the training engine'}</span>
      </div>
    </fieldset>
  );
}
