import type { DataSource } from "typeorm";
import { hashSecret } from "../../auth/secrets.js";
import type { Clock } from "../../clock.js";
import { HubError } from "../../errors.js";
import { CREDENTIAL_PREFIX } from "./cluster-settings.js";

/** A request made by a cluster agent with its credential. */
export interface AgentIdentity {
  clusterId: string;
  cooperativeId: string;
  credentialId: string;
  credentialExpiresAt: Date;
}

/** Why a cluster credential was refused; the agent stops for good on `revoked` (see agent/README.md). */
export type AgentRejection = "unknown" | "expired" | "revoked";

const MESSAGES: Record<AgentRejection, string> = {
  unknown: "Unknown cluster credential",
  expired: "This cluster credential has expired: join the cluster again with a new token",
  revoked: "This cluster credential was revoked: join the cluster again with a new token",
};

/** UNAUTHENTICATED for an agent, with the machine-readable reason in `extensions.reason`. */
export function agentUnauthenticated(reason: AgentRejection): HubError {
  return new HubError("UNAUTHENTICATED", MESSAGES[reason], { reason });
}

/** Whether a bearer secret is a cluster credential rather than a personal API token. */
export function isClusterCredential(secret: string): boolean {
  return secret.startsWith(`${CREDENTIAL_PREFIX}_`);
}

/**
 * Resolves a cluster credential. One indexed read per request: lease renewals are the hub's hottest path. A
 * credential superseded by rotation counts as expired once its overlap ended, one of a revoked cluster as revoked.
 */
export async function agentFromCredential(
  dataSource: DataSource,
  clock: Clock,
  secret: string,
): Promise<AgentIdentity> {
  const rows: Array<{
    id: string;
    cluster_id: string;
    expires_at: Date;
    revoked_at: Date | null;
    revoked_reason: string | null;
    cooperative_id: string;
    cluster_revoked_at: Date | null;
  }> = await dataSource.query(
    `SELECT c.id, c.cluster_id, c.expires_at, c.revoked_at, c.revoked_reason, m.cooperative_id,
            m.revoked_at AS cluster_revoked_at
       FROM cluster_credential c JOIN member_cluster m ON m.id = c.cluster_id
      WHERE c.secret_hash = $1`,
    [hashSecret(secret)],
  );
  const row = rows[0];
  if (!row) throw agentUnauthenticated("unknown");
  const now = clock.now().getTime();
  if (row.cluster_revoked_at || row.revoked_reason === "revoked") throw agentUnauthenticated("revoked");
  if (row.revoked_at && new Date(row.revoked_at).getTime() <= now) throw agentUnauthenticated("expired");
  const expiresAt = new Date(row.expires_at);
  if (expiresAt.getTime() <= now) throw agentUnauthenticated("expired");
  return {
    clusterId: row.cluster_id,
    cooperativeId: row.cooperative_id,
    credentialId: row.id,
    credentialExpiresAt: expiresAt,
  };
}
