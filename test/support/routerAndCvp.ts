// Cisco Doc 116178's published router and CVP excerpt (test/fixtures/published/rtr/
// rtr-vru-script-response-error.txt) dealt to two hosts, each entry verbatim on a line of its own,
// the CVP host's clock as late as a test needs.

import { readFileSync } from "node:fs";
import * as path from "node:path";
import { splitEntries } from "../../server/src/formats";

const EXCERPT_FILE = path.join(__dirname, "..", "..", "..", "test", "fixtures", "published", "rtr", "rtr-vru-script-response-error.txt");

/** The excerpt, whole: router `/ms` lines and the CVP's Cisco Log lines in one paste. */
export const ROUTER_AND_CVP_EXCERPT = readFileSync(EXCERPT_FILE, "utf8");

/** Every `HH:MM:SS.mmm` of Cisco Log headers moved by `seconds`: a host whose clock runs late. */
export function late(text: string, seconds: number): string {
  return text.replace(/(\d{4}) (\d{2}):(\d{2}):(\d{2})\.(\d{3})/g, (_, year: string, h: string, m: string, s: string, ms: string) => {
    const t = Number(h) * 3600 + Number(m) * 60 + Number(s) + seconds;
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${year} ${pad(Math.floor(t / 3600) % 24)}:${pad(Math.floor(t / 60) % 60)}:${pad(t % 60)}.${ms}`;
  });
}

/** The router's entries and the CVP's (Cisco Log), the CVP host's clock `lateSeconds` behind. */
export function routerAndCvp(lateSeconds = 0): { router: string; cvp: string } {
  const split = splitEntries(ROUTER_AND_CVP_EXCERPT);
  const router: string[] = [];
  const cvp: string[] = [];
  for (const entry of split.entries) {
    if (entry.kind !== "entry") continue;
    const text = ROUTER_AND_CVP_EXCERPT.slice(entry.start, entry.contentEnd).trim();
    (/^\d+: [\d.]+: [A-Z][a-z]{2} /.test(text) ? cvp : router).push(text);
  }
  return { router: `${router.join("\n")}\n`, cvp: `${late(cvp.join("\n"), lateSeconds)}\n` };
}
