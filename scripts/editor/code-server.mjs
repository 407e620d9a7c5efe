// Starts and stops code-server instances with throw-away profiles, bound to 127.0.0.1 only.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { codeServerEntry } from "./paths.mjs";
import { runQuiet } from "./process.mjs";

/** Settings that keep dialogs, telemetry and update checks out of the way. */
function userSettings({ workspaceTrust }) {
  return {
    "workbench.startupEditor": "none",
    "security.workspace.trust.enabled": workspaceTrust,
    "telemetry.telemetryLevel": "off",
    "update.mode": "none",
    "extensions.autoCheckUpdates": false,
    "extensions.autoUpdate": false,
    "git.enabled": false,
    "workbench.tips.enabled": false,
    // The web workbench saves after a delay by default; tests save explicitly instead.
    "files.autoSave": "off",
    // No backups of unsaved editors: a pasted editor closed unsaved, its backup not yet dropped, would
    // otherwise come back, unsaved, in the next window the profile opens.
    "files.hotExit": "off",
    // With trust on, the folder stays untrusted (Restricted Mode) without a modal to race against.
    "security.workspace.trust.startupPrompt": "never",
  };
}

/**
 * A throw-away profile: config file (so nothing is written to ~/.config), user data and
 * extensions directories. `workspaceTrust: true` leaves trust on, so opened folders start untrusted.
 */
export function createProfile({ name = "editor", workspaceTrust = false } = {}) {
  const root = mkdtempSync(path.join(tmpdir(), `icm-trace-${name}-`));
  const profile = {
    root,
    workspaceTrust,
    config: path.join(root, "config.yaml"),
    userDataDir: path.join(root, "user-data"),
    extensionsDir: path.join(root, "extensions"),
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
  writeFileSync(profile.config, "auth: none\ncert: false\n");
  mkdirSync(path.join(profile.userDataDir, "User"), { recursive: true });
  mkdirSync(profile.extensionsDir, { recursive: true });
  writeFileSync(
    path.join(profile.userDataDir, "User", "settings.json"),
    JSON.stringify(userSettings({ workspaceTrust }), null, 2),
  );
  return profile;
}

export async function installVsix(profile, vsixPath) {
  await runQuiet(process.execPath, [
    codeServerEntry, "--config", profile.config, "--user-data-dir", profile.userDataDir,
    "--extensions-dir", profile.extensionsDir, "--install-extension", vsixPath,
  ]);
}

/** Resolves `preferred` when it is free, else any free port (listen on 0, then close). */
export async function freePort(preferred = 0) {
  const tryListen = (port) =>
    new Promise((resolve, reject) => {
      const server = createServer();
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        const { port: bound } = server.address();
        server.close(() => resolve(bound));
      });
    });
  if (preferred) {
    try {
      return await tryListen(preferred);
    } catch {
      // taken: fall through to any free port
    }
  }
  return tryListen(0);
}

const liveServers = new Set();

/** Stops every server this process started, e.g. on Ctrl-C or an uncaught error. */
export async function stopAllCodeServers() {
  await Promise.all([...liveServers].map((server) => server.stop()));
}

/**
 * Starts code-server and waits until /healthz answers.
 * `logFile` receives its output; `env` reaches the extension host too.
 */
export async function startCodeServer({ profile, folder, port = 0, logFile, env = {} }) {
  const boundPort = await freePort(port);
  const args = [
    codeServerEntry, "--config", profile.config, "--auth", "none", "--bind-addr", `127.0.0.1:${boundPort}`,
    "--user-data-dir", profile.userDataDir, "--extensions-dir", profile.extensionsDir,
    "--disable-telemetry", "--disable-update-check",
  ];
  if (!profile.workspaceTrust) args.push("--disable-workspace-trust");
  if (folder) args.push(folder);

  if (logFile) mkdirSync(path.dirname(logFile), { recursive: true });
  const log = logFile ? createWriteStream(logFile) : null;
  // Its own process group, so stopping it also ends the extension hosts it forked.
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ["ignore", log ? "pipe" : "ignore", log ? "pipe" : "ignore"],
    env: { ...process.env, ...env },
  });
  if (log) {
    child.stdout.pipe(log);
    child.stderr.pipe(log);
  }
  const exited = new Promise((resolve) => child.once("exit", resolve));

  const url = `http://127.0.0.1:${boundPort}`;
  const server = {
    url,
    port: boundPort,
    pid: child.pid,
    /** Resolves with the exit code when the server ends, by `stop()` or on its own. */
    exited,
    /** Workbench URL opening `dir`; `payload` pairs become the test-electron-style payload. */
    workbenchUrl(dir = folder, payload) {
      let href = `${url}/?folder=${encodeURIComponent(dir).replace(/%2F/g, "/")}`;
      if (payload) href += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return href;
    },
    /** A vscode-remote URI for a local path, as the workbench payload wants it. */
    remoteUri: (absolutePath) => `vscode-remote://127.0.0.1:${boundPort}${absolutePath}`,
    /** True once `stop()` was called, so an exit is not mistaken for a crash. */
    stopRequested: false,
    stop: async () => {
      server.stopRequested = true;
      liveServers.delete(server);
      if (child.exitCode !== null || child.signalCode !== null) return;
      signalGroup(child.pid, "SIGTERM");
      const timer = setTimeout(() => signalGroup(child.pid, "SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
      signalGroup(child.pid, "SIGKILL"); // anything left in the group
      log?.end();
    },
  };
  liveServers.add(server);

  try {
    await waitForHealth(url, exited);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

async function waitForHealth(url, exited, timeoutMs = 30_000) {
  let hasExited = false;
  exited.then(() => (hasExited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited) throw new Error("code-server exited during start-up; see its log file");
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs / 1000} s`);
}

/**
 * Stops started servers when this process ends: Ctrl-C and SIGTERM run `stopAllCodeServers`
 * (the servers are in their own process groups, so the terminal's Ctrl-C does not reach them).
 */
export function stopCodeServersOnExit() {
  const onSignal = (signal) => {
    console.error(`\n${signal}: stopping code-server`);
    stopAllCodeServers().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  process.once("exit", () => {
    for (const server of liveServers) signalGroup(server.pid, "SIGKILL");
  });
}
