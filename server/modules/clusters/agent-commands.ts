import type { EntityManager } from "typeorm";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import type { AgentIdentity } from "./agent-identity.js";
import { endCredentials, type IssuedCredential, issueCredential } from "./cluster-credentials.js";
import type { ClusterSettings } from "./cluster-settings.js";
import { recordClusterEvents } from "./record-cluster-event.js";
import type { recordAgentEventsSchema } from "./status-report-schema.js";
import type { z } from "zod";

/** Replaces the agent's credential; the previous ones keep working for the rotation overlap. */
export async function rotateCredential(
  manager: EntityManager,
  agent: AgentIdentity,
  context: { now: Date; requestId: string; settings: ClusterSettings },
): Promise<IssuedCredential> {
  const { now } = context;
  await endCredentials(manager, agent.clusterId, "rotated", now);
  const credential = await issueCredential(
    manager,
    agent.clusterId,
    now,
    context.settings.credentialLifetimeHours,
  );
  await recordClusterEvents(manager, [
    {
      clusterId: agent.clusterId,
      occurredAt: now,
      type: "CredentialRotated",
      source: "hub",
      message: "The agent rotated its credential",
      details: { expiresAt: credential.expiresAt.toISOString() },
    },
  ]);
  await recordAuditEvent(
    manager,
    { personId: null, requestId: context.requestId, now },
    {
      action: "cluster.credential_rotated",
      targetType: "MemberCluster",
      targetId: agent.clusterId,
      cooperativeId: agent.cooperativeId,
      data: { expiresAt: credential.expiresAt.toISOString() },
    },
  );
  return credential;
}

/**
 * Stores the events an agent queued (possibly during a long outage) in its cluster's log. They keep the agent's
 * time, clamped to the hub's present: a fast agent clock cannot put events in the future.
 */
export async function recordAgentEvents(
  manager: EntityManager,
  agent: AgentIdentity,
  events: z.infer<typeof recordAgentEventsSchema>["events"],
  now: Date,
): Promise<number> {
  await recordClusterEvents(
    manager,
    events.map((event) => {
      const at = new Date(event.at);
      return {
        clusterId: agent.clusterId,
        occurredAt: at.getTime() > now.getTime() ? now : at,
        type: event.type,
        source: "agent" as const,
        message: event.message,
        details: { ...(event.details ?? {}), agentTime: event.at },
      };
    }),
  );
  return events.length;
}
