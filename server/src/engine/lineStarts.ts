// Line starts found backwards from the end of a text or of bytes, for cutting a stream where a line
// starts. Each character is read at most twice, however many line starts are turned down.

/** The last line start in `window` (just after an LF, a CR or a CRLF) that `accepts`, or -1. */
export function lastLineStart(window: string | Buffer, accepts: (pos: number) => boolean): number {
  let end = window.length;
  let lf = lastIndexIn(window, 10, 0, end);
  while (end > 0) {
    // A lone CR ends a line too. It is looked for only after the last LF: a window without CRs is
    // not read back to its start for one, and the LF is not looked for again past each CR.
    const cr = lastIndexIn(window, 13, lf + 1, end);
    const br = Math.max(lf, cr);
    if (br === -1) return -1;
    if (accepts(br + 1)) return br + 1;
    end = br;
    if (br === lf) lf = lastIndexIn(window, 10, 0, end);
  }
  return -1;
}

/** The last index of a character code in [start, end) of the window, or -1; reads only that part. */
function lastIndexIn(window: string | Buffer, code: number, start: number, end: number): number {
  const at = typeof window === "string" ? window.slice(start, end).lastIndexOf(String.fromCharCode(code)) : window.subarray(start, end).lastIndexOf(code);
  return at === -1 ? -1 : start + at;
}
