import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "./support/cluster-agent-harness.js";
import { buildCaller } from "./support/factories.js";
import { expectData, graphql } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ env: { DEMO_SEED: "true", DEMO_CLUSTERS: "true" } });
});
afterAll(() => hub.stop());

describe("npm run demo", () => {
  it("joins simulated clusters of the demo cooperatives with the real agent: two accepted, one waiting", async () => {
    const { token } = await buildCaller(hub.database.dataSource, { hubRoles: ["steward"] });
    const clusters = await eventually(async () => {
      const result = await graphql<{
        memberClusters: {
          edges: Array<{
            node: { name: string; acceptance: string; availability: string; capacity: unknown };
          }>;
        };
      }>(
        hub.url,
        "{ memberClusters { edges { node { name acceptance availability capacity { observedAt } } } } }",
        {},
        { token },
      );
      const nodes = expectData(result).memberClusters.edges.map((edge) => edge.node);
      return nodes.length === 3 && nodes.every((node) => node.availability === "TRUE" && node.capacity)
        ? nodes
        : undefined;
    });
    expect(clusters.map((cluster) => [cluster.name, cluster.acceptance])).toEqual([
      ["berlin-1", "ACCEPTED"],
      ["leipzig-1", "ACCEPTED"],
      ["zurich-lab", "PENDING"],
    ]);
  });
});
