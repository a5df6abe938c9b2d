import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../server/graphql/global-id.js";
import { buildRegisteredCluster } from "./support/cluster-factories.js";
import { DECIDE, RENEW, REPORT, simulatedReport } from "./support/cluster-operations.js";
import { buildCaller } from "./support/factories.js";
import { expectData, expectErrorCode, graphql, problemFields } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

/** "Does a 2-CPU/8Gi pod fit anywhere", answered from each cluster's latest free node shape histogram. */
let hub: TestHub;
let stewardToken: string;
const GIB = 1024 ** 3;

beforeAll(async () => {
  hub = await startTestHub();
  ({ token: stewardToken } = await buildCaller(hub.database.dataSource, { hubRoles: ["steward"] }));
});
afterAll(() => hub.stop());

const FITS = `query($filter: MemberClusterFilter, $after: String) {
  memberClusters(first: 1, after: $after, filter: $filter) {
    totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor }
  }
}`;
const FIT = `query($pod: ClusterPodShapeInput!) {
  memberClusterFit(pod: $pod) { cpuMillicores memoryBytes clusters nodes }
}`;

type Shape = { cpuAtLeastMillicores: number; memoryAtLeastBytes: number; nodes: number };

/** A registered, accepted, available cluster whose latest report has exactly these free node shapes. */
async function clusterWithShapes(freeNodeShapes: Shape[]): Promise<string> {
  const { cluster, credential } = await buildRegisteredCluster(hub.database.dataSource);
  const id = toGlobalId("MemberCluster", cluster.id);
  expectData(
    await graphql(hub.url, DECIDE("acceptMemberCluster"), { input: { id } }, { token: stewardToken }),
  );
  const report = { ...(await simulatedReport(11, 6)), freeNodeShapes };
  const observedAt = new Date().toISOString();
  expectData(
    await graphql(
      hub.url,
      REPORT,
      { input: { clusterUid: cluster.clusterUid, observedAt, report } },
      { token: credential },
    ),
  );
  expectData(await graphql(hub.url, RENEW, { input: { agentTime: observedAt } }, { token: credential }));
  return id;
}

async function fitSummary(pod: { cpu: string; memory: string }) {
  return expectData(
    await graphql<{
      memberClusterFit: { clusters: number; nodes: number; cpuMillicores: number; memoryBytes: number };
    }>(hub.url, FIT, { pod }, { token: stewardToken }),
  ).memberClusterFit;
}

interface FitPage {
  totalCount: number;
  edges: Array<{ node: { id: string } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function fitting(pod: { cpu: string; memory: string }): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  // One per page: the filter must keep the connection's paging and totalCount right.
  for (;;) {
    const result = await graphql<{ memberClusters: FitPage }>(
      hub.url,
      FITS,
      { filter: { fits: pod }, after },
      { token: stewardToken },
    );
    const page: FitPage = expectData(result).memberClusters;
    ids.push(...page.edges.map((edge) => edge.node.id));
    if (!page.pageInfo.hasNextPage) {
      expect(page.totalCount).toBe(ids.length);
      return ids;
    }
    after = page.pageInfo.endCursor;
  }
}

describe("Where a pod fits", () => {
  it("filters clusters and counts accepted, available ones with a free node of the shape", async () => {
    const pod = { cpu: "2", memory: "8Gi" };
    const before = await fitSummary(pod);
    expect(before).toMatchObject({ cpuMillicores: 2000, memoryBytes: 8 * GIB });
    const roomy = await clusterWithShapes([
      { cpuAtLeastMillicores: 0, memoryAtLeastBytes: 0, nodes: 3 },
      { cpuAtLeastMillicores: 4000, memoryAtLeastBytes: 16 * GIB, nodes: 2 },
      { cpuAtLeastMillicores: 2000, memoryAtLeastBytes: 8 * GIB, nodes: 1 },
    ]);
    // Plenty free in total, but no single node has both 2 cores and 8 GiB.
    const fragmented = await clusterWithShapes([
      { cpuAtLeastMillicores: 1000, memoryAtLeastBytes: 32 * GIB, nodes: 5 },
      { cpuAtLeastMillicores: 8000, memoryAtLeastBytes: 4 * GIB, nodes: 4 },
    ]);
    const ids = await fitting(pod);
    expect(ids).toContain(roomy);
    expect(ids).not.toContain(fragmented);
    expect(await fitSummary(pod)).toMatchObject({ clusters: before.clusters + 1, nodes: before.nodes + 3 });

    expect(await fitting({ cpu: "500m", memory: "20Gi" })).toEqual(expect.arrayContaining([fragmented]));
    const big = await fitting({ cpu: "3500m", memory: "16Gi" });
    expect(big).toContain(roomy);
    expect(big).not.toContain(fragmented);
    expect(
      (await fitting({ cpu: "64", memory: "1Ti" })).filter((id) => id === roomy || id === fragmented),
    ).toEqual([]);
  });

  it("refuses quantities that are not Kubernetes quantities with BAD_USER_INPUT naming each field", async () => {
    const listed = await graphql(
      hub.url,
      FITS,
      { filter: { fits: { cpu: "two", memory: "8GB" } } },
      { token: stewardToken },
    );
    expectErrorCode(listed, "BAD_USER_INPUT");
    expect(problemFields(listed)).toEqual(["filter.fits.cpu", "filter.fits.memory"]);
    const counted = await graphql(
      hub.url,
      FIT,
      { pod: { cpu: "2", memory: "-1Gi" } },
      { token: stewardToken },
    );
    expectErrorCode(counted, "BAD_USER_INPUT");
    expect(problemFields(counted)).toEqual(["pod.memory"]);
    expectErrorCode(await graphql(hub.url, FIT, { pod: { cpu: "1", memory: "1Gi" } }), "UNAUTHENTICATED");
  });
});
