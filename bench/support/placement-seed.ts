import type { DataSource } from "typeorm";
import { systemClock } from "../../server/clock.js";
import { inTransaction } from "../../server/db/transaction.js";
import { agentFromCredential } from "../../server/modules/clusters/agent-identity.js";
import { DEFAULT_CLUSTER_SETTINGS } from "../../server/modules/clusters/cluster-settings.js";
import { renewLease } from "../../server/modules/clusters/renew-lease.js";
import { reportStatus } from "../../server/modules/clusters/report-status.js";
import { statusReportSchema } from "../../server/modules/clusters/status-report-schema.js";
import { buildRegisteredCluster } from "../../test/support/cluster-factories.js";
import { simulatedReport } from "../../test/support/cluster-operations.js";
import { buildApiToken, buildCooperative, buildPerson } from "../../test/support/factories.js";
import {
  cooperativeCountFor,
  fleetCluster,
  TEMPLATE_COUNT,
  TEMPLATE_NODE_COUNTS,
  tierOf,
} from "./placement-fleet.js";

/** What the placement benchmark finds in its database. */
export interface PlacementSeed {
  clusters: number;
  cooperatives: string[];
  /** Admins of the first cooperatives, with write tokens: they place. */
  requesters: Array<{ cooperativeId: string; token: string }>;
  /** The reports the clusters carry, as the agent computed them (index = `FleetCluster.template`). */
  reports: Array<Record<string, unknown>>;
  /** Milliseconds spent inserting the clusters and offers in SQL. */
  sqlMs: number;
}

const BATCH = 5_000;
const REQUESTERS = 8;

/**
 * Clusters a running agent keeps healthy: one is registered, reports and renews through the hub's own commands
 * (so its conditions are exactly what the code writes; it stays pending, i.e. not accepted); the fleet copies its
 * conditions. Each fleet cluster is accepted, Available and CapacityFresh, carries one of `TEMPLATE_COUNT` reports
 * computed by the agent's own code from simulated clusters of 4 to 48 nodes, its labels and (95%) a current
 * offer, all inserted with a few bulk statements. Leases run for a day: nothing renews during the run, and the
 * sweeper must not declare them lost.
 */
export async function seedPlacementFleet(dataSource: DataSource, clusters: number): Promise<PlacementSeed> {
  const now = new Date();
  const author = await buildPerson(dataSource);
  const cooperatives: string[] = [];
  const requesters: PlacementSeed["requesters"] = [];
  for (let index = 0; index < cooperativeCountFor(clusters); index++) {
    const admin = index < REQUESTERS ? await buildPerson(dataSource) : author;
    const number = String(index).padStart(3, "0");
    const cooperative = await buildCooperative(dataSource, {
      slug: `fleet-${number}`,
      name: `Fleet Cooperative ${number}`,
      tier: tierOf(index),
      admins: [admin],
    });
    cooperatives.push(cooperative.id);
    if (index < REQUESTERS)
      requesters.push({ cooperativeId: cooperative.id, token: await buildApiToken(dataSource, admin) });
  }

  const { cluster: template, credential } = await buildRegisteredCluster(dataSource);
  const agent = await agentFromCredential(dataSource, systemClock, credential);
  const report = statusReportSchema.parse(await simulatedReport(1, 12, now));
  await inTransaction(dataSource, async (manager) => {
    await reportStatus(
      manager,
      agent,
      { clusterUid: template.clusterUid, observedAt: now, report, now },
      DEFAULT_CLUSTER_SETTINGS,
    );
    await renewLease(manager, agent, { now, agentTime: now }, DEFAULT_CLUSTER_SETTINGS);
    await renewLease(
      manager,
      agent,
      { now: new Date(now.getTime() + 2000), agentTime: now },
      DEFAULT_CLUSTER_SETTINGS,
    );
  });
  const reports: PlacementSeed["reports"] = [];
  for (let index = 0; index < TEMPLATE_COUNT; index++) {
    const nodes = TEMPLATE_NODE_COUNTS[index % TEMPLATE_NODE_COUNTS.length];
    reports.push(statusReportSchema.parse(await simulatedReport(100 + index, nodes, now)));
  }

  const sqlStarted = performance.now();
  for (let start = 0; start < clusters; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, clusters - start) }, (_, offset) => {
      const fleet = fleetCluster(start + offset, clusters);
      return {
        n: fleet.index,
        cooperative_id: cooperatives[fleet.cooperative],
        labels: fleet.labels,
        template: fleet.template,
        offer: fleet.offer ?? null,
      };
    });
    await insertBatch(dataSource, template.id, author.id, rows, reports);
  }
  return { clusters, cooperatives, requesters, reports, sqlMs: performance.now() - sqlStarted };
}

interface SeedRow {
  n: number;
  cooperative_id: string;
  labels: Record<string, string>;
  template: number;
  offer: object | null;
}

/** One batch: the clusters (copying the template's conditions) and their offers, in two statements. */
async function insertBatch(
  dataSource: DataSource,
  templateId: string,
  authorId: string,
  rows: SeedRow[],
  reports: PlacementSeed["reports"],
): Promise<void> {
  await dataSource.query(
    `WITH fleet AS (SELECT * FROM jsonb_to_recordset($2::jsonb)
                      AS f(n int, cooperative_id uuid, labels jsonb, template int, offer jsonb)),
          reports AS (SELECT ordinality - 1 AS template, value AS report
                        FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY),
          inserted AS (
            INSERT INTO member_cluster (cooperative_id, name, cluster_uid, kubernetes_version, agent_version, labels,
                   taints, acceptance, acceptance_decided_at, availability, conditions, lease_renewed_at,
                   lease_expires_at, renewal_streak, latest_report, latest_report_observed_at,
                   latest_report_received_at, registered_at)
            SELECT f.cooperative_id, 'fleet-' || f.n, gen_random_uuid()::text, t.kubernetes_version, t.agent_version,
                   f.labels, '[]'::jsonb, 'accepted', now(), 'true', t.conditions, now(),
                   now() + interval '1 day', t.renewal_streak, r.report, now(), now(), now()
              FROM fleet f JOIN reports r USING (template), member_cluster t
             WHERE t.id = $1
            RETURNING id, name, cooperative_id)
     INSERT INTO capacity_offer (cluster_id, cooperative_id, version, status, caps, free_share_percent, allow, deny,
            windows, preemptible, grace_period_seconds, created_by_id)
     SELECT i.id, i.cooperative_id, 1, 'active', f.offer -> 'caps', (f.offer ->> 'freeSharePercent')::float8,
            f.offer -> 'allow', f.offer -> 'deny', f.offer -> 'windows', (f.offer ->> 'preemptible')::boolean,
            300, $4
       FROM inserted i JOIN fleet f ON i.name = 'fleet-' || f.n
      WHERE f.offer IS NOT NULL`,
    [templateId, JSON.stringify(rows), JSON.stringify(reports), authorId],
  );
}
