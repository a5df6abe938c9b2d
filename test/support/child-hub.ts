import { type ChildServer, startChildServer } from "../../bench/support/child-server.js";

/**
 * The real hub (`server/main.ts`) in a child process on a PostgreSQL database, so a test can SIGKILL it the way a
 * crashed or evicted hub dies: no graceful shutdown, no drained requests.
 */
export interface ChildHub extends ChildServer {
  /** SIGKILL, and wait until the process is gone. */
  kill(): Promise<void>;
}

/** Starts the hub on `databaseUrl` and `port`, and waits until `/readyz` answers. */
export async function startChildHub(databaseUrl: string, port: number): Promise<ChildHub> {
  const { PATH, HOME, TMPDIR, LANG, TZ } = process.env;
  const child = await startChildServer({
    script: "server/main.ts",
    cwd: process.cwd(),
    url: `http://127.0.0.1:${port}`,
    readyPath: "/readyz",
    env: {
      PATH,
      HOME,
      TMPDIR,
      LANG,
      TZ,
      NODE_ENV: "development",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: "warn",
      DEMO_SEED: "false",
      CONTENT_SYNC_ON_START: "false",
      // Many agents report far more often than every 30 s here; the limit is not what this test is about.
      RATE_LIMIT_MUTATIONS_PER_MINUTE: "100000",
    },
  });
  return {
    ...child,
    async kill() {
      process.kill(child.pid, "SIGKILL");
      await child.stop(1);
    },
  };
}
