import type { DataSource } from "typeorm";
import { buildRegisteredCluster } from "./cluster-factories.js";
import { REPORT, simulatedReport } from "./cluster-operations.js";
import { expectData, graphql } from "./graphql-client.js";

/**
 * An accepted member cluster whose agent reports the given blueprint versions running, as the "running on" counts
 * of the blueprint pages read them.
 */
export async function reportRunningBlueprints(
  dataSource: DataSource,
  hubUrl: string,
  blueprints: Array<{ name: string; version: string }>,
): Promise<void> {
  const { cluster, credential } = await buildRegisteredCluster(dataSource);
  await dataSource.query("UPDATE member_cluster SET acceptance = 'accepted' WHERE id = $1", [cluster.id]);
  const input = {
    clusterUid: cluster.clusterUid,
    observedAt: new Date().toISOString(),
    report: await simulatedReport(),
    blueprints,
  };
  expectData(await graphql(hubUrl, REPORT, { input }, { token: credential }));
}
