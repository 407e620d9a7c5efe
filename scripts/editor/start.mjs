// `npm start`: builds and packages the extension, installs the VSIX into code-server and serves
// the samples folder on 127.0.0.1 until Ctrl-C. PORT overrides the default 8080. The page opens the
// sample A/B pair with its timeline (scripts/editor/sample-layout, loaded as a development extension).
import path from "node:path";
import { createProfile, freePort, installVsix, startCodeServer, stopCodeServersOnExit } from "./code-server.mjs";
import { prepareEditor, step } from "./prepare.mjs";
import { repoRoot, samplesDir, testResultsDir } from "./paths.mjs";
import { run } from "./process.mjs";

const defaultPort = 8080;
const sampleLayoutDir = path.join(repoRoot, "scripts", "editor", "sample-layout");

/** PORT must be free when given; the default falls back to any free port. */
async function choosePort() {
  if (!process.env.PORT) return freePort(defaultPort);
  const wanted = Number(process.env.PORT);
  if (!Number.isInteger(wanted) || wanted <= 0 || wanted > 65535) throw new Error(`PORT=${process.env.PORT} is not a port number`);
  const port = await freePort(wanted);
  if (port !== wanted) throw new Error(`PORT=${wanted} is in use on 127.0.0.1`);
  return port;
}

async function main() {
  stopCodeServersOnExit();
  await run("npm", ["run", "build"], { cwd: repoRoot });
  console.log("▶ Preparing the editor");
  const vsix = await prepareEditor({ withBrowser: false });
  // A throw-away profile: each start shows the freshly packaged extension and nothing else.
  const profile = createProfile({ name: "start" });
  process.once("exit", () => profile.dispose());
  await step("extension installed", () => installVsix(profile, vsix));
  const logFile = path.join(testResultsDir, "logs", "code-server-start.log");
  const server = await startCodeServer({ profile, folder: samplesDir, port: await choosePort(), logFile });
  const layout = [["extensionDevelopmentPath", server.remoteUri(sampleLayoutDir)]];
  console.log(`\nICM Trace Inspector is running in VS Code at ${server.workbenchUrl(samplesDir, layout)}`);
  console.log(`(the samples folder alone: ${server.workbenchUrl(samplesDir)})`);
  console.log(`(code-server pid ${server.pid}, log ${path.relative(repoRoot, logFile)}; Ctrl-C stops it)`);
  const code = await server.exited;
  if (server.stopRequested) return 130; // Ctrl-C
  console.error(`code-server exited on its own (${code}); see ${logFile}`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`\n✖ ${error.message}`);
    process.exit(1);
  },
);
