import { EntitySchema } from "typeorm";
import { uuidPrimary } from "../../db/column-types.js";
import { belongsTo } from "../../db/relations.js";
import type { MemberCluster } from "./member-cluster.entity.js";

/** Who recorded an event: the hub itself, a person, or the cluster's agent. */
export const CLUSTER_EVENT_SOURCES = ["hub", "person", "agent"] as const;
export type ClusterEventSource = (typeof CLUSTER_EVENT_SOURCES)[number];

/** One entry of a cluster's event log (registered, accepted, lease lost/regained, rotated, agent events...). */
export interface ClusterEvent {
  id: string;
  clusterId: string;
  occurredAt: Date;
  type: string;
  source: ClusterEventSource;
  message: string;
  details: Record<string, unknown>;
  /** The person behind a `person` event. */
  actorId: string | null;
  cluster?: MemberCluster;
}

export const ClusterEventEntity = new EntitySchema<ClusterEvent>({
  name: "ClusterEvent",
  tableName: "cluster_event",
  columns: {
    id: uuidPrimary,
    clusterId: { type: "uuid", name: "cluster_id" },
    occurredAt: { type: "timestamptz", name: "occurred_at" },
    type: { type: "text" },
    source: { type: "text" },
    message: { type: "text", default: "" },
    details: { type: "jsonb", default: () => "'{}'" },
    actorId: { type: "uuid", name: "actor_id", nullable: true },
  },
  indices: [{ name: "cluster_event_cluster_occurred_idx", columns: ["clusterId", "occurredAt", "id"] }],
  checks: [{ name: "cluster_event_source_check", expression: "source IN ('hub', 'person', 'agent')" }],
  relations: {
    cluster: belongsTo("MemberCluster", "cluster_id", "cluster_event_cluster_fkey", "CASCADE"),
  },
});
