/**
 * Offers a blob as a file download (a static site has no server to send it from). The object
 * URL is revoked a moment later, once the browser has taken the file.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Offers text or bytes as a file download of the given MIME type. */
export function downloadFile(content: string | Uint8Array, fileName: string, mime: string): void {
  // fflate's Uint8Array is typed over ArrayBufferLike; a Blob part wants a plain ArrayBuffer view.
  const part = typeof content === 'string' ? content : (content as Uint8Array<ArrayBuffer>);
  downloadBlob(new Blob([part], { type: mime }), fileName);
}
