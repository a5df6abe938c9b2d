import type { DataSource } from "typeorm";
import type { Clock } from "../../../clock.js";
import type { Logger } from "../../../logger.js";
import { deliverPostFanouts, fanoutDue } from "./deliver-post-fanouts.js";

/** How often each hub process looks for posts to fan out (the wake-up after a post usually comes first). */
const POLL_INTERVAL_MS = 250;

/** The fan-out of new posts to their watchers in a hub process. */
export interface ForumFanoutJobs {
  /** Fans out every post due at the clock's time, waiting for a run in progress first; returns how many. */
  deliver(): Promise<number>;
  /** Asks for a run as soon as possible (after a post commits); runs coalesce. */
  wake(): void;
  stop(): Promise<void>;
}

/** The wake-up of each hub's fan-out, by database: resolvers wake it after a post commits. */
const WAKERS = new WeakMap<object, () => void>();

/**
 * Wakes the fan-out of the hub that owns `dataSource`, if it runs in this process. Only a shortcut: the job polls
 * the database every 250 ms anyway, so a post written by another process (or before a restart) is fanned out too.
 */
export function wakeForumFanout(dataSource: object): void {
  WAKERS.get(dataSource)?.();
}

/**
 * Starts the fan-out job: polls every 250 ms and runs at once when woken. Runs in this process are serialised
 * (`deliver()` waits for a run in progress, so tests see every notification after it); across processes the
 * advisory lock in `deliverPostFanouts` keeps a single runner.
 */
export function startForumFanoutJobs(deps: {
  dataSource: DataSource;
  clock: Clock;
  logger: Logger;
  /** False: no polling and no wake-ups, only `deliver()` (a runner driven by hand, as in tests). */
  poll?: boolean;
}): ForumFanoutJobs {
  let stopped = false;
  let queue: Promise<number> = Promise.resolve(0);
  let scheduled = false;
  const drain = async (): Promise<number> => {
    let delivered = 0;
    while (!stopped && (await fanoutDue(deps.dataSource, deps.clock.now()))) {
      const run = await deliverPostFanouts({
        dataSource: deps.dataSource,
        now: deps.clock.now(),
        logger: deps.logger,
      });
      delivered += run.delivered;
      if (!run.more) break;
    }
    return delivered;
  };
  const enqueue = (before: () => void = () => {}): Promise<number> => {
    queue = queue
      .catch(() => 0)
      .then(() => {
        before();
        return drain();
      });
    return queue;
  };
  // A tick while a run waits to start is dropped (that run will see what the tick would); a tick during a run
  // queues the next one, so a post committed meanwhile is not left for the next poll.
  const tick = () => {
    if (scheduled || stopped) return;
    scheduled = true;
    enqueue(() => {
      scheduled = false;
    }).catch((error: unknown) => deps.logger.warn({ err: error }, "forum fan-out failed"));
  };
  const polling = deps.poll !== false;
  const timer = polling ? setInterval(tick, POLL_INTERVAL_MS) : undefined;
  timer?.unref();
  const wake = () => {
    if (polling) setImmediate(tick);
  };
  if (polling) WAKERS.set(deps.dataSource, wake);
  return {
    deliver: () => enqueue(),
    wake,
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (WAKERS.get(deps.dataSource) === wake) WAKERS.delete(deps.dataSource);
      await queue.catch(() => 0);
    },
  };
}
