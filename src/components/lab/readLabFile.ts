import { SHARE_LIMITS } from '../../share';
import { browserStorage } from '../../store/browserStorage';
import { importLabText } from '../../store/labActions';
import { appStore } from '../../store/store';

/** Reads a dropped or chosen file as a lab; one clear message when it is too big or unreadable. */
export async function readLabFile(file: File): Promise<void> {
  // Refuse before reading: a huge file would be read into memory only to be refused.
  if (file.size > SHARE_LIMITS.maxDataFileChars) {
    const mb = (file.size / 1024 / 1024).toFixed(1);
    appStore
      .getState()
      .notify(
        'error',
        `“${file.name}” is ${mb} MB; a lab file is at most 16 MB (96 MB when it carries its data). Your lab is unchanged.`,
      );
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (err) {
    appStore
      .getState()
      .notify(
        'error',
        `“${file.name}” could not be read (${err instanceof Error ? err.message : String(err)}).`,
      );
    return;
  }
  importLabText(appStore, browserStorage(), text, file.name);
}
