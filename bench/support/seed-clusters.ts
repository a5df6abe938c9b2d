import type { DataSource } from "typeorm";
import { generateSecret, hashSecret } from "../../server/auth/secrets.js";
import { inTransaction } from "../../server/db/transaction.js";
import { agentFromCredential } from "../../server/modules/clusters/agent-identity.js";
import {
  CREDENTIAL_PREFIX,
  DEFAULT_CLUSTER_SETTINGS,
} from "../../server/modules/clusters/cluster-settings.js";
import { renewLease } from "../../server/modules/clusters/renew-lease.js";
import { reportStatus } from "../../server/modules/clusters/report-status.js";
import { statusReportSchema } from "../../server/modules/clusters/status-report-schema.js";
import { systemClock } from "../../server/clock.js";
import { buildRegisteredCluster } from "../../test/support/cluster-factories.js";
import { simulatedReport } from "../../test/support/cluster-operations.js";
import { buildApiToken, buildCooperative, buildPerson, buildSteward } from "../../test/support/factories.js";

/** Registered clusters, each with its agent credential, and a steward who may look at them. */
export interface ClusterSeed {
  clusters: Array<{ id: string; credential: string }>;
  /** A read API token of a steward (who sees every cluster). */
  stewardToken: string;
}

/** Clusters registered one by one through the hub's own commands; the rest are copies of the last one. */
const REGISTERED_THROUGH_COMMANDS = 20;
const CLONE_BATCH = 5_000;

/**
 * `count` healthy clusters of one cooperative, each with its own `ahc_` credential stored as its hash. The first
 * ones are registered, report and renew through the hub's own commands (join token, registration, status report,
 * locked lease renewal), as their agents would; the rest (tens of thousands, which the commands would take many minutes to
 * create) are copies of the last of them in SQL, with their own ids, UIDs, names and credentials, so every row is
 * in the exact state the real code left it in.
 */
export async function seedClusters(dataSource: DataSource, count: number): Promise<ClusterSeed> {
  const admin = await buildPerson(dataSource);
  const cooperative = await buildCooperative(dataSource, { slug: "bench-fleet", admins: [admin] });
  const clusters: ClusterSeed["clusters"] = [];
  for (let index = 0; index < Math.min(count, REGISTERED_THROUGH_COMMANDS); index++) {
    const { cluster, credential } = await buildRegisteredCluster(dataSource, { cooperative });
    const agent = await agentFromCredential(dataSource, systemClock, credential);
    // As a running agent leaves it: a status report (so CapacityFresh is True), then a lease renewal.
    const now = new Date();
    const report = statusReportSchema.parse(await simulatedReport(index, 12, now));
    await inTransaction(dataSource, async (manager) => {
      await reportStatus(
        manager,
        agent,
        { clusterUid: cluster.clusterUid, observedAt: now, report, now },
        DEFAULT_CLUSTER_SETTINGS,
      );
      await renewLease(manager, agent, { now, agentTime: now }, DEFAULT_CLUSTER_SETTINGS);
    });
    clusters.push({ id: cluster.id, credential });
  }
  const template = clusters[clusters.length - 1].id;
  for (let start = clusters.length; start < count; start += CLONE_BATCH) {
    const size = Math.min(CLONE_BATCH, count - start);
    const credentials = Array.from({ length: size }, () => generateSecret(CREDENTIAL_PREFIX));
    const rows: Array<{ id: string }> = await dataSource.query(
      `WITH copies AS (
         INSERT INTO member_cluster (cooperative_id, name, cluster_uid, kubernetes_version, agent_version, labels,
                taints, acceptance, availability, conditions, lease_renewed_at, lease_expires_at, renewal_streak,
                latest_report, latest_report_observed_at, latest_report_received_at, registered_at)
         SELECT cooperative_id, 'bench-' || ($2::int + n), gen_random_uuid()::text, kubernetes_version,
                agent_version, labels, taints, acceptance, availability, conditions, lease_renewed_at,
                lease_expires_at, renewal_streak, latest_report, latest_report_observed_at,
                latest_report_received_at, registered_at
           FROM member_cluster, generate_series(0, $3::int - 1) AS n
          WHERE id = $1
         RETURNING id, name)
       SELECT id FROM copies ORDER BY substring(name from 7)::int`,
      [template, start, size],
    );
    await dataSource.query(
      `INSERT INTO cluster_credential (cluster_id, secret_hash, expires_at)
       SELECT cluster_id, secret_hash, now() + interval '24 hours'
         FROM unnest($1::uuid[], $2::text[]) AS t(cluster_id, secret_hash)`,
      [rows.map((row) => row.id), credentials.map(hashSecret)],
    );
    rows.forEach((row, index) => {
      clusters.push({ id: row.id, credential: credentials[index] });
    });
  }
  const steward = await buildSteward(dataSource);
  return { clusters, stewardToken: await buildApiToken(dataSource, steward, { scopes: ["read"] }) };
}
