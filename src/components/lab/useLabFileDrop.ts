import { useEffect } from 'react';
import { readLabFile } from './readLabFile';

const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') === true;

/** A lab file dropped anywhere on the page is imported (palette drags carry no files). */
export function useLabFileDrop(): void {
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      const file = e.dataTransfer?.files[0];
      if (file) void readLabFile(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
}
