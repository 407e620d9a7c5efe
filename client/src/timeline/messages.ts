// Messages between the timeline panel (extension host) and its webview, with their guard and the
// panel type: the client bundle, the panel bundle and the browser bundle all import this file.

import type { CompareResult } from "../../../server/src/shared/protocol";
import type { TimelineViewState } from "../../../server/src/render/compareTimeline";

/** The webview panel type, registered at activation and used by the panel bundle. */
export const TIMELINE_VIEW_TYPE = "icmTrace.transferTimeline";

/** Display names of the two traces, in the model's side order (workspace-relative when possible). */
export type FileNames = readonly [string, string];

export type ToWebview =
  | { readonly type: "model"; readonly result: CompareResult; readonly fileNames: FileNames }
  | { readonly type: "error"; readonly message: string }
  /** The diagnosis the view asked for is on the clipboard. */
  | { readonly type: "copied" };

export type FromWebview =
  | { readonly type: "ready" }
  | { readonly type: "reveal"; readonly sideIndex: number; readonly line: number; readonly column: number }
  | { readonly type: "copyDiagnosis"; readonly offsetSeconds: number }
  | { readonly type: "viewState"; readonly view: TimelineViewState };

/** What the webview stores with `setState`, and what the serializer gets back after a reload. */
export interface TimelineWebviewState {
  /** The two traces' URIs, in the model's side order. */
  readonly uris: readonly [string, string];
  readonly view: TimelineViewState;
}

export function isFromWebview(value: unknown): value is FromWebview {
  if (typeof value !== "object" || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case "ready":
      return true;
    case "reveal":
      return isIndex(m.sideIndex) && isCount(m.line) && isCount(m.column);
    case "copyDiagnosis":
      return typeof m.offsetSeconds === "number" && Number.isFinite(m.offsetSeconds);
    case "viewState": {
      const v = m.view as Record<string, unknown> | null | undefined;
      return typeof v === "object" && v !== null && typeof v.offsetSeconds === "number" && Number.isFinite(v.offsetSeconds) && typeof v.swapped === "boolean" && typeof v.showAllRows === "boolean";
    }
    default:
      return false;
  }
}

function isIndex(n: unknown): n is 0 | 1 {
  return n === 0 || n === 1;
}

function isCount(n: unknown): n is number {
  return typeof n === "number" && Number.isInteger(n) && n >= 0;
}
