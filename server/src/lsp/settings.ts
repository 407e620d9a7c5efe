// Settings from `workspace/configuration`, `initializationOptions`, or defaults. Clients that
// answer configuration requests with null (Neovim, simple clients) get the defaults.

import { parseZone } from "../engine/clock";
import type { AnalysisOptions } from "../model/findings";
import type { Language } from "../shared/text";
import { defaultSettings, type Settings } from "../shared/protocol";

export function normalizeSettings(raw: unknown): Settings {
  if (raw === null || typeof raw !== "object") return defaultSettings;
  const value = raw as Record<string, unknown>;
  const language = value["explanationLanguage"];
  const ignore = value["ignore"];
  const seconds = value["receiveErrorAfterSeconds"];
  const zone = value["timeZone"];
  const bundle = (value["bundle"] ?? {}) as Record<string, unknown>;
  const positive = (raw: unknown, fallback: number) => (typeof raw === "number" && Number.isFinite(raw) && raw > 0 ? raw : fallback);
  return {
    explanationLanguage: language === "en" || language === "ja" || language === "auto" ? language : defaultSettings.explanationLanguage,
    ignore: Array.isArray(ignore) ? ignore.filter((id): id is string => typeof id === "string") : defaultSettings.ignore,
    receiveErrorAfterSeconds:
      typeof seconds === "number" && Number.isFinite(seconds) && seconds >= 0 ? seconds : defaultSettings.receiveErrorAfterSeconds,
    timeZone: typeof zone === "string" && (zone.trim() === "" || parseZone(zone) !== null) ? zone.trim() : defaultSettings.timeZone,
    bundleMaxInflateRatio: positive(bundle["maxInflateRatio"], defaultSettings.bundleMaxInflateRatio),
    bundleMaxMemberMegabytes: positive(bundle["maxMemberMegabytes"], defaultSettings.bundleMaxMemberMegabytes),
  };
}

export function explanationLanguage(settings: Settings, clientLocale: string | undefined): Language {
  if (settings.explanationLanguage !== "auto") return settings.explanationLanguage;
  return clientLocale !== undefined && clientLocale.toLowerCase().startsWith("ja") ? "ja" : "en";
}

/** The zone the settings give local times, in minutes east of UTC, or null. */
export function zoneMinutes(settings: Settings): number | null {
  return settings.timeZone === "" ? null : parseZone(settings.timeZone);
}

/** The analysis options the settings ask for. */
export function analysisOptions(settings: Settings): Pick<AnalysisOptions, "receiveErrorAfterSeconds" | "ignore"> {
  return { receiveErrorAfterSeconds: settings.receiveErrorAfterSeconds, ignore: settings.ignore };
}
