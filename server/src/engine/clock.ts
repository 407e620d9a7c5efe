// Clock times as ICM writes them: `HH:MM:SS` with optional `.mmm`, no date.

export const SECONDS_PER_DAY = 86_400;

const CODE_0 = 48;
const CODE_9 = 57;

export function isDigitCode(code: number): boolean {
  return code >= CODE_0 && code <= CODE_9;
}

/** The number of the two digits at `pos`, or -1 when they are not both digits. */
function twoDigits(text: string, pos: number): number {
  const a = text.charCodeAt(pos);
  const b = text.charCodeAt(pos + 1);
  if (!isDigitCode(a) || !isDigitCode(b)) return -1;
  return (a - CODE_0) * 10 + (b - CODE_0);
}

export interface ClockReading {
  /** Seconds since midnight, with milliseconds as a fraction. */
  readonly seconds: number;
  /** Characters the reading takes: 8, or 12 with milliseconds. */
  readonly length: number;
}

/**
 * Reads `HH:MM:SS` or `HH:MM:SS.mmm` at `pos`. Returns null when the text there is not a valid
 * time of day (25:61:99 is not), or when a digit runs on directly after it.
 */
export function readClock(text: string, pos: number): ClockReading | null {
  if (text.charCodeAt(pos + 2) !== 58 || text.charCodeAt(pos + 5) !== 58) return null;
  const h = twoDigits(text, pos);
  const m = twoDigits(text, pos + 3);
  const s = twoDigits(text, pos + 6);
  if (h < 0 || m < 0 || s < 0 || h > 23 || m > 59 || s > 59) return null;
  let length = 8;
  let millis = 0;
  if (text.charCodeAt(pos + 8) === 46 /* . */) {
    const d1 = text.charCodeAt(pos + 9);
    const d2 = text.charCodeAt(pos + 10);
    const d3 = text.charCodeAt(pos + 11);
    if (isDigitCode(d1) && isDigitCode(d2) && isDigitCode(d3) && !isDigitCode(text.charCodeAt(pos + 12))) {
      millis = (d1 - CODE_0) * 100 + (d2 - CODE_0) * 10 + (d3 - CODE_0);
      length = 12;
    }
  }
  if (length === 8 && isDigitCode(text.charCodeAt(pos + 8))) return null;
  return { seconds: h * 3600 + m * 60 + s + millis / 1000, length };
}

/** `HH:MM:SS` for seconds since midnight (any day offset is dropped). */
export function formatClock(seconds: number): string {
  const whole = Math.floor(((seconds % SECONDS_PER_DAY) + SECONDS_PER_DAY) % SECONDS_PER_DAY);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  return `${pad2(h)}:${pad2(m)}:${pad2(s)}`;
}

const DURATION_UNITS = {
  en: { h: " h", min: " min", s: " s", gap: " " },
  ja: { h: " 時間", min: " 分", s: " 秒", gap: " " },
};

/** A duration as people say it: `14 s`, `3 min 5 s`, `2 h 1 min` (`14 秒`, `3 分 5 秒`). */
export function formatDuration(seconds: number, language: "en" | "ja" = "en"): string {
  const u = DURATION_UNITS[language];
  const total = Math.round(Math.abs(seconds));
  const sign = seconds < 0 ? "-" : "";
  if (total < 60) return `${sign}${total}${u.s}`;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${sign}${h}${u.h}${u.gap}${m}${u.min}`;
  return s === 0 ? `${sign}${m}${u.min}` : `${sign}${m}${u.min}${u.gap}${s}${u.s}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Forward distance on a 24-hour clock face from `from` to `to`. */
export function forwardGap(from: number, to: number): number {
  const gap = to - from;
  return gap >= 0 ? gap : gap + SECONDS_PER_DAY;
}

const LATE_EVENING = 18 * 3600;
const EARLY_MORNING = 6 * 3600;

/** A step back on the clock counts as passing midnight only from late evening into early morning. */
export function isMidnightRollover(from: number, to: number): boolean {
  return to < from && from >= LATE_EVENING && to < EARLY_MORNING;
}

/**
 * A time zone as a user writes it, in minutes east of UTC: `+0900`, `+09:00`, `-08`, `UTC`, `Z`.
 * Null when the text is none of these.
 */
export function parseZone(text: string): number | null {
  const value = text.trim();
  if (/^(?:UTC|GMT|Z)$/i.test(value)) return 0;
  const match = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(value);
  if (match === null) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? 0);
  if (hours > 14 || minutes > 59) return null;
  return (match[1] === "-" ? -1 : 1) * (hours * 60 + minutes);
}
