// Words every layer speaks: severities and texts in the two languages of the explanations.

export type Severity = "error" | "warning" | "information" | "hint";

export type Language = "en" | "ja";

export interface Localized<T = string> {
  readonly en: T;
  readonly ja: T;
}
