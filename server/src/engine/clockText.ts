// A time the user types: `HH:MM`, `HH:MM:SS` or `H:MM`.

const USER_TIME = /^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/;

/** Seconds since midnight, or null when the text is not a time of day. */
export function readClockText(text: string): number | null {
  const match = USER_TIME.exec(text);
  if (match === null) return null;
  const h = Number(match[1]);
  const m = Number(match[2]);
  const s = match[3] === undefined ? 0 : Number(match[3]);
  if (h > 23 || m > 59 || s > 59) return null;
  return h * 3600 + m * 60 + s;
}
