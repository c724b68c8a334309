import { useRef, useState } from 'react';
import { LESSONS } from '../../lessons';
import { browserStorage } from '../../store/browserStorage';
import { makeShareLink, restorePreviousLab } from '../../store/labActions';
import { appStore, useAppStore } from '../../store/store';
import { LOCKED_TITLE } from '../classroom/ClassBanner';
import { ShareForClassDialog } from '../classroom/ShareForClassDialog';
import { useLocked } from '../classroom/useClassroom';
import { ExportMenu } from './ExportMenu';
import { readLabFile } from './readLabFile';
import { ShareLinkField } from './ShareLinkField';

/**
 * Share link, Share for class, Export (a menu: lab file, PyTorch, Keras, TF.js), Import lab,
 * Import CSV (one's own data; refused while a class link locks the data), Restore my previous lab.
 */
export function LabControls() {
  const previous = useAppStore((s) => s.previousLab !== null);
  const dataLocked = useLocked('data');
  const [classOpen, setClassOpen] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const notify = (kind: 'error' | 'info', text: string) => appStore.getState().notify(kind, text);

  const share = () => {
    // Not the query: the sharer's ?backend= or ?debug= is theirs, not part of the lab.
    const { origin, pathname } = window.location;
    const made = makeShareLink(appStore, `${origin}${pathname}`);
    if (!made.ok) return notify('error', made.error);
    appStore.getState().setShareLink(made.link);
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
      <ExportMenu />
      <button type="button" onClick={() => fileRef.current?.click()}>
        Import lab
      </button>
      <button
        type="button"
        className="wide"
        disabled={dataLocked}
        title={dataLocked ? LOCKED_TITLE : 'Train on your own data: a CSV file, or the bundled Iris example'}
        onClick={() => appStore.getState().openCsvImport({ file: null })}
      >
        Import CSV
      </button>
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
