import { ConfigError, loadConfig } from "./config.js";
import { startHub } from "./hub.js";

/** `npm start`: the hub on the configured database and identity provider, stopping gracefully on SIGTERM. */
try {
  const hub = await startHub(loadConfig());
  console.log(`\n  Alliance Hub is running at ${hub.url}  (GraphQL: ${hub.url}/graphql)\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    hub.logger.info({ signal }, "stopping");
    hub
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        hub.logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      });
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
