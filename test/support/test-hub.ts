import { type Clock, systemClock } from "../../server/clock.js";
import { type DatabaseConfig, loadConfig } from "../../server/config.js";
import { type Hub, startHub } from "../../server/hub.js";
import { createLogger } from "../../server/logger.js";
import { createTestDatabase } from "./test-database.js";

export interface TestHub extends Hub {
  stop(): Promise<void>;
}

/**
 * Starts a real hub on a free port with its own database and the development provider. `env` overrides
 * configuration variables exactly as the environment would.
 */
export async function startTestHub(
  options: { env?: Record<string, string>; clock?: Clock; database?: DatabaseConfig } = {},
): Promise<TestHub> {
  const database = options.database
    ? { config: options.database, drop: async () => {} }
    : await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    ...options.env,
  });
  const hub = await startHub(
    { ...config, database: database.config },
    { clock: options.clock ?? systemClock, logger: createLogger(config.logLevel) },
  );
  return {
    ...hub,
    async stop() {
      await hub.close(1_000);
      await database.drop();
    },
  };
}
