import type { EntityManager } from "typeorm";
import { generateSecret, hashSecret } from "../../auth/secrets.js";
import { ClusterCredentialEntity, type CredentialRevocationReason } from "./cluster-credential.entity.js";
import { CREDENTIAL_PREFIX } from "./cluster-settings.js";

/** A credential as handed to the agent, once. */
export interface IssuedCredential {
  token: string;
  expiresAt: Date;
}

/** After a rotation the old credential keeps working this long, in case the agent never saw the answer. */
export const ROTATION_OVERLAP_MS = 5 * 60_000;

/** Issues a new agent credential for a cluster; only its hash is stored. */
export async function issueCredential(
  manager: EntityManager,
  clusterId: string,
  now: Date,
  lifetimeHours: number,
): Promise<IssuedCredential> {
  const token = generateSecret(CREDENTIAL_PREFIX);
  const expiresAt = new Date(now.getTime() + lifetimeHours * 3_600_000);
  await manager.insert(ClusterCredentialEntity, { clusterId, secretHash: hashSecret(token), expiresAt });
  return { token, expiresAt };
}

/**
 * Ends a cluster's live credentials (optionally all but one): `revoked` at once and for good, `rotated` after
 * the overlap, `reregistered` at once.
 */
export async function endCredentials(
  manager: EntityManager,
  clusterId: string,
  reason: CredentialRevocationReason,
  now: Date,
  exceptId?: string,
): Promise<void> {
  const endsAt = reason === "rotated" ? new Date(now.getTime() + ROTATION_OVERLAP_MS) : now;
  await manager.query(
    `UPDATE cluster_credential SET revoked_at = $3, revoked_reason = $2
      WHERE cluster_id = $1 AND (revoked_at IS NULL OR revoked_at > $3) AND expires_at > $4
        AND ($5::uuid IS NULL OR id <> $5::uuid)`,
    [clusterId, reason, endsAt, now, exceptId ?? null],
  );
}

/** Expiry of the newest live credential of a cluster, if any. */
export async function currentCredentialExpiry(
  manager: EntityManager,
  clusterId: string,
  now: Date,
): Promise<Date | null> {
  const rows: Array<{ expires_at: Date }> = await manager.query(
    `SELECT max(expires_at) AS expires_at FROM cluster_credential
      WHERE cluster_id = $1 AND revoked_at IS NULL AND expires_at > $2`,
    [clusterId, now],
  );
  return rows[0]?.expires_at ? new Date(rows[0].expires_at) : null;
}
