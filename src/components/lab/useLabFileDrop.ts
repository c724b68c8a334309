import { useEffect } from 'react';
import { appStore } from '../../store/store';
import { readLabFile } from './readLabFile';

/** A file to read as CSV data rather than as a lab: named .csv or .tsv, or typed as CSV. */
export const isCsvFile = (file: File) => /\.(csv|tsv)$/i.test(file.name) || file.type === 'text/csv';

const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') === true;

/**
 * A file dropped anywhere on the page is imported: a .csv opens the CSV import dialog with it
 * (for a lab whose data file is missing, as that file), anything else is read as a lab file
 * (palette drags carry no files).
 */
export function useLabFileDrop(): void {
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      if (!isCsvFile(file)) return void readLabFile(file);
      const s = appStore.getState();
      const expect =
        s.data.dataset === 'csv' && s.data.csv && !s.tables[s.data.csv.hash] ? s.data.csv : undefined;
      s.openCsvImport({ file, ...(expect ? { expect } : {}) });
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
}
