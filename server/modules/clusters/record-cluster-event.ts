import type { EntityManager } from "typeorm";
import type { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity.js";
import { type ClusterEvent, ClusterEventEntity, type ClusterEventSource } from "./cluster-event.entity.js";

/** One entry for a cluster's event log. */
export interface ClusterEventEntry {
  clusterId: string;
  occurredAt: Date;
  type: string;
  source: ClusterEventSource;
  message: string;
  details?: Record<string, unknown>;
  actorId?: string | null;
}

/** Appends events to clusters' logs in the caller's transaction (one INSERT for many). */
export async function recordClusterEvents(
  manager: EntityManager,
  entries: ClusterEventEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await manager.insert(
    ClusterEventEntity,
    entries.map((entry) => ({
      ...entry,
      details: (entry.details ?? {}) as QueryDeepPartialEntity<ClusterEvent>["details"],
      actorId: entry.actorId ?? null,
    })),
  );
}
