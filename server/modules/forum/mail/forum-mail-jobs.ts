import type { DataSource } from "typeorm";
import type { Clock } from "../../../clock.js";
import type { Logger } from "../../../logger.js";
import { deliverMailOutbox, pruneMailOutbox } from "./deliver-mail-outbox.js";
import { createMailTransport, type MailTransport } from "./mail-transport.js";
import { queueDueDigests } from "./queue-digests.js";

const DELIVERY_INTERVAL_MS = 2_000;
const DIGEST_INTERVAL_MS = 5 * 60_000;

/** The forum's mail work in a hub process; tests call `deliver()` and `queueDigests()` themselves. */
export interface ForumMailJobs {
  transport: MailTransport;
  /** Delivers due outbox rows now (at the clock's time); returns how many were sent. */
  deliver(): Promise<number>;
  /** Queues the digests due at the clock's time; returns how many. */
  queueDigests(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Starts outbox delivery (every 2 s) and the digest schedule (checked every 5 minutes against the injected clock).
 * Every hub process runs both; advisory locks and claims make them single runners.
 */
export function startForumMailJobs(deps: {
  dataSource: DataSource;
  clock: Clock;
  logger: Logger;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
}): ForumMailJobs {
  const transport = createMailTransport({ smtpUrl: deps.smtpUrl, from: deps.mailFrom });
  const deliver = () =>
    deliverMailOutbox({
      dataSource: deps.dataSource,
      transport,
      publicUrl: deps.publicUrl,
      now: deps.clock.now(),
      logger: deps.logger,
    });
  const queueDigests = () => queueDueDigests(deps.dataSource, deps.clock.now());
  const running = new Map<string, Promise<unknown>>();
  // One run of each job at a time in this process; a tick that finds its job still running is skipped.
  const guarded = (name: string, job: () => Promise<unknown>) => () => {
    if (running.has(name)) return;
    running.set(
      name,
      job()
        .catch((error: unknown) => deps.logger.warn({ err: error }, `forum ${name} failed`))
        .finally(() => running.delete(name)),
    );
  };
  const deliveryTimer = setInterval(guarded("mail delivery", deliver), DELIVERY_INTERVAL_MS);
  const digestTimer = setInterval(
    guarded("digest", async () => {
      await queueDigests();
      await pruneMailOutbox(deps.dataSource, deps.clock.now());
    }),
    DIGEST_INTERVAL_MS,
  );
  deliveryTimer.unref();
  digestTimer.unref();
  return {
    transport,
    deliver,
    queueDigests,
    async stop() {
      clearInterval(deliveryTimer);
      clearInterval(digestTimer);
      await Promise.all(running.values());
      transport.close();
    },
  };
}
