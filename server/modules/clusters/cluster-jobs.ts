import type { DataSource } from "typeorm";
import type { Clock } from "../../clock.js";
import type { Logger } from "../../logger.js";
import { type ClusterSettings, DEFAULT_CLUSTER_SETTINGS } from "./cluster-settings.js";
import { maintainHistory } from "./history-maintenance.js";
import { LeaseSweeper } from "./lease-sweeper.js";
import { ROLLUP_MS } from "./status-history.js";

/** The registry's background work in a hub process: the lease sweeper and the history job. */
export interface ClusterJobs {
  sweeper: LeaseSweeper;
  stop(): Promise<void>;
}

/** Starts the background jobs; both are safe to run in every hub process (advisory locks). */
export function startClusterJobs(deps: {
  dataSource: DataSource;
  clock: Clock;
  logger: Logger;
  settings?: ClusterSettings;
}): ClusterJobs {
  const sweeper = new LeaseSweeper({ ...deps, settings: deps.settings ?? DEFAULT_CLUSTER_SETTINGS });
  sweeper.start();
  let historyRun: Promise<unknown> | undefined;
  const history = setInterval(() => {
    historyRun = maintainHistory(deps.dataSource, deps.clock.now()).catch((error: unknown) =>
      deps.logger.warn({ err: error }, "cluster history maintenance failed"),
    );
  }, ROLLUP_MS);
  history.unref();
  return {
    sweeper,
    async stop() {
      clearInterval(history);
      await Promise.all([sweeper.stop(), historyRun]);
    },
  };
}
