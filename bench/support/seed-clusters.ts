import type { DataSource } from "typeorm";
import { buildRegisteredCluster } from "../../test/support/cluster-factories.js";
import { buildApiToken, buildCooperative, buildPerson, buildSteward } from "../../test/support/factories.js";

/** Registered clusters, each with its agent credential, and a steward who may look at them. */
export interface ClusterSeed {
  clusters: Array<{ id: string; credential: string }>;
  /** A read API token of a steward (who sees every cluster). */
  stewardToken: string;
}

/**
 * Registers `count` clusters of one cooperative through the hub's own command (join token, registration,
 * `ahc_` credential stored as its hash), as their agents would on first start.
 */
export async function seedClusters(dataSource: DataSource, count: number): Promise<ClusterSeed> {
  const admin = await buildPerson(dataSource);
  const cooperative = await buildCooperative(dataSource, { slug: "bench-fleet", admins: [admin] });
  const clusters: ClusterSeed["clusters"] = [];
  for (let index = 0; index < count; index++) {
    const { cluster, credential } = await buildRegisteredCluster(dataSource, { cooperative });
    clusters.push({ id: cluster.id, credential });
  }
  const steward = await buildSteward(dataSource);
  return { clusters, stewardToken: await buildApiToken(dataSource, steward, { scopes: ["read"] }) };
}
