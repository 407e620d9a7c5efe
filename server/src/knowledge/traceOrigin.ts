// Where a trace comes from, as bundles tell it: the process that wrote it (from its file name or its
// own process tags), the host (a Cisco Log header, the bundle's `[Server]/[Type]/…` folders, a
// `<SERVER>-SystCLILogs-…zip` name), and the dumplog command that converts an `.ems` binary log.
// Sources: Cisco Doc 20530 (server naming), Doc 20406 (dumplog), the Unified CCE serviceability guide.

/** The processes whose traces bundles hold, by the names dumplog and the log folders use. */
const PROCESSES = /^(?:rtr|rts|rtsvr|lgr|clgr|hlgr|opc|pgag|ccag|mds|nm|nmm|rcv|csfs|dtp|dba|dbw|rpl|replication|recovery|ctisvr|ctios|jgw\d*|pim\d*|eagtpim\d*|vrupim\d*|appgw|tsyr|uaw|updateaw|rtdist|rtclient|procmon|cg\d*|sip\d*)$/i;

/** `<node><side>-<process>` (`la-lgr`, `pg1A-opc`). */
const TAG = /^([A-Za-z]{1,4}\d{0,3})([ABab])-([A-Za-z][A-Za-z0-9]*)$/;

/** The process a file name names: `opc.txt`, `pim1.txt`, `rtr_output.txt`, `la-lgr.txt`, `opc_261207_134510.ems`. */
export function processFromFileName(fileName: string): string | null {
  const base = fileName.replace(/^.*[\\/]/, "").replace(/(?:\.(?:txt|log|trace|icmtrace|ems|gz))+$/i, "");
  const tag = TAG.exec(base);
  if (tag !== null) return tag[3]!.toLowerCase();
  // `rtr_output`, `sideA-lgr-receive`: the first word that names a process.
  const word = base.split(/[_.\s-]/).find((part) => PROCESSES.test(part));
  return word === undefined ? null : word.toLowerCase();
}

/** The process a dumplog tag (`ra-rtr`) or a Cisco Log `pname` names. */
export function processFromTag(tag: string | null): string | null {
  if (tag === null) return null;
  const match = TAG.exec(tag);
  if (match !== null) return match[3]!.toLowerCase();
  return PROCESSES.test(tag) ? tag.toLowerCase() : null;
}

/** The side a dumplog tag names: `la-lgr` → A. */
export function sideFromTag(tag: string | null): "A" | "B" | null {
  const match = tag === null ? null : TAG.exec(tag);
  return match === null ? null : (match[2]!.toUpperCase() as "A" | "B");
}

// `10: CICMRGRA: Feb 8 2007 …`, behind a syslog priority or not.
const CISCO_LOG_HOST = /^(?:<\d{1,3}>)?\d{1,10}: ([^\s:]{1,64}): \*?[A-Z][a-z]{2} {1,2}\d{1,2} \d{4} /m;

/**
 * The host a trace comes from: the host of its Cisco Log entries (a name or an address), else the bundle's first folder
 * (`[Server]/[Type]/…` as the Unified System CLI writes it), else the archive's `<SERVER>-SystCLILogs`
 * name; null when none tells.
 */
export function hostOf(sampleText: string, memberName: string): string | null {
  const logged = CISCO_LOG_HOST.exec(sampleText);
  if (logged !== null) return logged[1]!;
  const parts = memberName.split("!/");
  // Folders name hosts inside a bundle only: a path on disk says where the user keeps it.
  const inner = parts[parts.length - 1]!.split("/");
  if (parts.length > 1 && inner.length >= 3) return inner[0]!;
  for (const archive of parts.slice(0, -1)) {
    const named = /^([A-Za-z0-9][A-Za-z0-9_.]*?)-SystCLILogs/i.exec(archive.replace(/^.*[\\/]/, ""));
    if (named !== null) return named[1]!;
  }
  return null;
}

/** `proc_YYMMDD_HHMMSS.ems`: the process and when the file begins. */
const EMS_NAME = /^([A-Za-z][A-Za-z0-9]*)_(\d{2})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})\.ems$/i;

/**
 * The dumplog command that converts an `.ems` binary log to text with milliseconds, from the time
 * its name gives (Cisco Doc 20406: `/if InputFile`, `/of OutputFile`, `/bd mm/dd/yyyy`, `/bt hh:mm:ss`, `/ms`).
 */
export function dumplogCommand(emsName: string): string {
  const base = emsName.replace(/^.*[\\/]/, "");
  const output = base.replace(/\.ems$/i, ".txt");
  const named = EMS_NAME.exec(base);
  const span = named === null ? "" : ` /bd ${named[3]}/${named[4]}/20${named[2]} /bt ${named[5]}:${named[6]}:${named[7]}`;
  return `dumplog /if ${quoted(base)}${span} /ms /of ${quoted(output)}`;
}

function quoted(name: string): string {
  return /^[\w.-]+$/.test(name) ? name : `"${name.replace(/"/g, "")}"`;
}
