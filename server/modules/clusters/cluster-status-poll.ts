import { setTimeout as sleep } from "node:timers/promises";
import type { EntityManager } from "typeorm";
import { badUserInput } from "../../errors.js";
import { type MemberCluster, MemberClusterEntity } from "./member-cluster.entity.js";

/** The long-poll's check interval and its longest wait: below common 30 s proxy timeouts. */
export const STATUS_POLL_INTERVAL_MS = 500;
export const MAX_STATUS_WAIT_SECONDS = 25;

/**
 * Waits until the cluster's row changed after `since` (its `updated_at`), re-reading it every 500 ms for up to
 * `waitSeconds`. Polling the row keeps this correct with any number of hub processes and costs one indexed
 * primary-key read per waiting client per interval. Returns undefined when the cluster is gone or not `visible`.
 */
export async function waitForClusterChange(
  manager: EntityManager,
  options: {
    clusterId: string;
    since: Date;
    waitSeconds: number;
    visible: (cluster: MemberCluster) => boolean;
    signal?: AbortSignal;
  },
): Promise<{ changed: boolean; memberCluster: MemberCluster } | undefined> {
  if (!Number.isInteger(options.waitSeconds) || options.waitSeconds < 0 || options.waitSeconds > 25)
    throw badUserInput("waitSeconds: 0 to 25", [{ field: "waitSeconds", message: "0 to 25" }]);
  const polls = Math.floor((options.waitSeconds * 1000) / STATUS_POLL_INTERVAL_MS);
  for (let poll = 0; ; poll += 1) {
    const cluster = await manager.findOneBy(MemberClusterEntity, { id: options.clusterId });
    if (!cluster || !options.visible(cluster)) return undefined;
    const changed = cluster.updatedAt.getTime() > options.since.getTime();
    if (changed || poll >= polls || options.signal?.aborted) return { changed, memberCluster: cluster };
    try {
      await sleep(STATUS_POLL_INTERVAL_MS, undefined, { signal: options.signal });
    } catch {
      return { changed: false, memberCluster: cluster };
    }
  }
}
