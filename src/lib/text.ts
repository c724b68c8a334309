/** Whether a character is a C0 control character or DEL (U+0000–U+001F, U+007F). */
const isControl = (c: string) => {
  const code = c.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
};

/** True when `text` holds a control character (a newline, a tab, a NUL, …). */
export function hasControlChars(text: string): boolean {
  for (const c of text) if (isControl(c)) return true;
  return false;
}

/** `text` with each control character replaced by a space. */
export function withoutControlChars(text: string): string {
  let out = '';
  for (const c of text) out += isControl(c) ? ' ' : c;
  return out;
}
