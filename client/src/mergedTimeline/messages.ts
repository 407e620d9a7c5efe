// Messages between the merged timeline panel (extension host) and its webview, with their guard:
// the panel bundle and the browser bundle import this file. The webview keeps its window and folded
// groups itself (setState); the panel hears only what needs it.

import type { MergedTimeline } from "../../../server/src/shared/protocol";
import { isOffsets, type MergedTimelineState } from "../../../server/src/render/mergedTimeline";

export type ToWebview =
  /** A new merge; `state` holds what the panel asked it with (the webview stores it). */
  | { readonly type: "model"; readonly timeline: MergedTimeline; readonly state: Pick<MergedTimelineState, "uris" | "offsets" | "callLocations"> }
  /** A merge is under way (an offset changed). */
  | { readonly type: "busy" }
  | { readonly type: "error"; readonly message: string };

export type FromWebview =
  | { readonly type: "ready" }
  /** The offsets set by hand, by clock: merge again with these. */
  | { readonly type: "offsets"; readonly offsets: Readonly<Record<string, number>> }
  | { readonly type: "reveal"; readonly lane: number; readonly line: number; readonly column: number }
  | { readonly type: "openCompare" }
  | { readonly type: "clearCall" };

export function isFromWebview(value: unknown): value is FromWebview {
  if (typeof value !== "object" || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case "ready":
    case "openCompare":
    case "clearCall":
      return true;
    case "offsets":
      return isOffsets(m.offsets);
    case "reveal":
      return isCount(m.lane) && isCount(m.line) && isCount(m.column);
    default:
      return false;
  }
}

function isCount(n: unknown): n is number {
  return typeof n === "number" && Number.isInteger(n) && n >= 0;
}
