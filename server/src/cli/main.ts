// `icm-trace`: the command-line face of the analysis core.

import { once } from "node:events";
import { fstatSync } from "node:fs";
import { parseArgs } from "node:util";
import { runCheck } from "./check";
import { runSplit } from "./split";
import { runCatalogue } from "./catalogueCommand";
import { runBundle } from "./bundleCommand";
import { runCompare } from "./compareCommand";
import { runFollow, runMerge } from "./mergeCommand";
import { CliError, type CliIo } from "./io";
import { VERSION } from "../shared/version";
import { isKnownEncoding } from "../engine/encoding";

const USAGE = `Usage: icm-trace <command> [options] FILE...

Commands:
  split FILE                  print each trace entry on its own line
  check [--json] FILE...      report known failures (exit 1 when any error is found); a FILE may
                              be an archive or a member path (a.zip!/b.zip!/opc.txt)
  bundle [--json] PATH...     list a trace bundle's members (zip, nested zips, .gz, folders):
                              host, side, process, format, time span, counts, .ems conversion
  merge [--json] [--since T] [--until T] PATH...
                              every entry of a set of traces on one clock: lane, time, message
  follow [--json] ID PATH...  the entries that name one call (CID=(day,key), GUID, CorID=N, …)
  help                        show this help
  compare [--json] FILE FILE  both sides of a state transfer, aligned, with a verdict (sides in the order given)
  compare --markdown FILE FILE  the diagnosis as Markdown, for a support ticket
  compare --html OUT FILE FILE  write the timeline as a self-contained HTML page
  catalogue [--json]          list the known failures

Options:
  --json          machine-readable output
  --hints         with check: also report editor hints (run-together entries)
  --lang en|ja    language of messages (default: en)
  --encoding ENC  the files' encoding (utf-8, utf-16le, cp932, ...); detected when absent
  --since T, --until T  with merge and follow: a window on the common clock, both ends included
                  (T is HH:MM:SS or an ISO date-time)
  --offset WHO=S  with merge and follow: seconds to add to the clock of a host, side or file
  --threads N     with merge and follow: threads that read the traces (default: one per core
                  for sets of 64 MB or more, else 1)
  --zone ZONE     with compare: the zone of the traces' local times (+0900, -05:00, UTC); dumplog
                  writes local times, Cisco Log entries carry their own zone
  --help, -h      show this help
  --version, -v   show the version

Exit codes: 0 no error found, 1 an error was found, 2 usage error or an unreadable file (check
reports every readable file first and names each unreadable one on stderr). merge, follow and
bundle exit 0 whatever the findings.`;

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: "boolean" },
        hints: { type: "boolean" },
        lang: { type: "string" },
        html: { type: "string" },
        markdown: { type: "boolean" },
        encoding: { type: "string" },
        zone: { type: "string" },
        since: { type: "string" },
        until: { type: "string" },
        offset: { type: "string", multiple: true },
        threads: { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (error) {
    io.stderr(`icm-trace: ${(error as Error).message.split("\n")[0]}\n${"Run 'icm-trace --help' for usage."}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (values.version === true) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const [command, ...files] = positionals;
  const language = values.lang ?? "en";
  try {
    if (language !== "en" && language !== "ja") throw new CliError(`--lang must be en or ja, not '${language}'`);
    const encoding = values.encoding;
    if (encoding !== undefined && !isKnownEncoding(encoding)) throw new CliError(`unknown encoding '${encoding}'`);
    switch (command) {
      case "help":
        io.stdout(`${USAGE}\n`);
        return 0;
      case "split":
        return await runSplit(files, io, encoding);
      case "check":
        return await runCheck(files, { json: values.json === true, hints: values.hints === true, language, ...(encoding === undefined ? {} : { encoding }) }, io);
      case "compare":
        return await runCompare(files, { json: values.json === true, markdown: values.markdown === true, html: values.html, language, encoding, zone: values.zone }, io);
      case "merge":
        return await runMerge(files, { json: values.json === true, since: values.since, until: values.until, offsets: values.offset, encoding, threads: values.threads }, io);
      case "follow":
        return await runFollow(files, { json: values.json === true, since: values.since, until: values.until, offsets: values.offset, encoding, threads: values.threads }, io);
      case "bundle":
        return await runBundle(files, { json: values.json === true, ...(encoding === undefined ? {} : { encoding }) }, io);
      case "catalogue":
      case "catalog":
        return runCatalogue({ json: values.json === true, language }, io);
      case undefined:
        throw new CliError("a command is needed (split, check, compare, bundle, merge, follow, catalogue, help)");
      default:
        throw new CliError(`unknown command '${command}'`);
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`icm-trace: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`icm-trace: internal error: ${message.split("\n")[0]}\n`);
    return 2;
  }
}

/**
 * Whether Node writes stdout before `write` returns: to a file (a device such as /dev/null too), and
 * to a terminal but on Windows; not to a pipe (nodejs.org/api/process.html, "A note on process I/O").
 */
function stdoutWritesAtOnce(): boolean {
  try {
    const stat = fstatSync(1);
    return stat.isFile() || (stat.isCharacterDevice() && (process.platform !== "win32" || !process.stdout.isTTY));
  } catch {
    return false;
  }
}

if (require.main === module) {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutBytes: (bytes) => (process.stdout.write(bytes) ? undefined : once(process.stdout, "drain").then(() => undefined)),
    stdoutWritesAtOnce: stdoutWritesAtOnce(),
  };
  // EPIPE (output piped into `head`) is not an error worth a stack trace.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
  });
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`icm-trace: internal error: ${String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
