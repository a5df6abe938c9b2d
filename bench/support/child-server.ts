import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";

/** A server running in a child Node process, so that it does not share an event loop with the load generator. */
export interface ChildServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  pid: number;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;
const STDERR_TAIL_CHARS = 4_000;

/**
 * Runs `node --import tsx <script> <args>` (plus `nodeFlags`) from `cwd` with exactly `env`, and waits until `readyPath`
 * answers 2xx on `url`. The child's stdout is discarded (request logs would otherwise cost the parent CPU);
 * the tail of its stderr is kept to explain a failed start.
 */
export async function startChildServer(options: {
  script: string;
  args?: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  url: string;
  readyPath: string;
  nodeFlags?: string[];
}): Promise<ChildServer> {
  const child = spawn(
    process.execPath,
    [...(options.nodeFlags ?? []), "--import", "tsx", options.script, ...(options.args ?? [])],
    {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS);
  });
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await answers(`${options.url}${options.readyPath}`))) {
    if (exited) throw new Error(`${options.script} exited before it was ready:\n${stderr}`);
    if (Date.now() > deadline) {
      await stopChild(child, 1_000);
      throw new Error(`${options.script} was not ready within ${READY_TIMEOUT_MS} ms:\n${stderr}`);
    }
    await sleep(100);
  }
  return {
    url: options.url,
    pid: child.pid ?? 0,
    stop: (graceMs = 10_000) => stopChild(child, graceMs),
  };
}

/** Per probe: the hub listens before it attaches its routes, and a probe in between is never answered. */
const PROBE_TIMEOUT_MS = 2_000;

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const forced = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(forced);
}
