// `Last API Error [N]`: the Win32 error ICM reports for a failed Windows call.

import { win32Error } from "./win32Errors";
import type { Language } from "./types";
import { isDigitCode } from "../engine/clock";

const MARKER = "Last API Error [";

/** The error number in `text`, or null when it has none. */
export function readApiError(text: string): number | null {
  const at = text.indexOf(MARKER);
  if (at === -1) return null;
  let value = 0;
  let digits = 0;
  let i = at + MARKER.length;
  while (digits < 10 && isDigitCode(text.charCodeAt(i))) {
    value = value * 10 + (text.charCodeAt(i) - 48);
    digits++;
    i++;
  }
  return digits > 0 && text.charCodeAt(i) === 93 /* ] */ ? value : null;
}

/** Template values naming the error in both languages. */
export function apiErrorValues(code: number): { en: Record<string, string>; ja: Record<string, string> } {
  const known = win32Error(code);
  const name = known?.name ?? `Win32 error ${code}`;
  // The meaning sits inside a sentence: drop its own closing full stop.
  const bare = (s: string) => s.replace(/[.。]$/, "");
  return {
    en: { apiError: String(code), win32Name: name, win32Meaning: bare(known?.meaning.en ?? "not in the table") },
    ja: { apiError: String(code), win32Name: name, win32Meaning: bare(known?.meaning.ja ?? "表にないエラー") },
  };
}

export function describeApiError(code: number, language: Language): string {
  const values = apiErrorValues(code)[language];
  return `${values.win32Name}: ${values.win32Meaning}`;
}
