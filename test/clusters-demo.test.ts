import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "./support/cluster-agent-harness.js";
import { buildCaller } from "./support/factories.js";
import { expectData, graphql } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

let hub: TestHub;
/** By then every demo agent has started, so leipzig-1's stop timer fires at most 8 s later. */
let startedAt: number;
beforeAll(async () => {
  // leipzig-1's agent stops after 8 s instead of two minutes, so its lease expiry is observable here.
  hub = await startTestHub({
    env: { DEMO_SEED: "true", DEMO_CLUSTERS: "true", DEMO_CLUSTER_STOP_SECONDS: "8" },
  });
  startedAt = Date.now();
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

  it("stops leipzig-1's agent: its lease expires to Available=Unknown (LeaseExpired) while berlin-1 stays", async () => {
    const { token } = await buildCaller(hub.database.dataSource, { hubRoles: ["steward"] });
    type Lease = { renewedAt: string; expiresAt: string; graceSeconds: number };
    type Seen = {
      name: string;
      availability: string;
      lease: Lease;
      conditions: Array<{ type: string; status: string; reason: string }>;
      taints: Array<{ key: string }>;
    };
    const read = async () => {
      const result = await graphql<{ memberClusters: { edges: Array<{ node: Seen }> } }>(
        hub.url,
        `{ memberClusters { edges { node { name availability lease { renewedAt expiresAt graceSeconds }
            conditions { type status reason } taints { key } } } } }`,
        {},
        { token },
      );
      const nodes = expectData(result).memberClusters.edges.map((edge) => edge.node);
      return (name: string) => nodes.find((node) => node.name === name) as Seen;
    };
    // leipzig-1 has stopped for good once 8 s passed; wait until the others renewed well after its last renewal,
    // so the sweep below loses leipzig-1 alone.
    const stopped = await eventually(async () => {
      const seen = await read();
      const leipzig = seen("leipzig-1").lease;
      const others = ["berlin-1", "zurich-lab"].map((name) => Date.parse(seen(name).lease.renewedAt));
      return Date.now() > startedAt + 8_500 &&
        others.every((renewedAt) => renewedAt > Date.parse(leipzig.renewedAt) + 1_000)
        ? leipzig
        : undefined;
    }, 40_000);
    // The sweeper would act 40 s from now; ask it now for the moment just past leipzig-1's grace period.
    const due = new Date(Date.parse(stopped.expiresAt) + stopped.graceSeconds * 1000 + 1);
    expect((await hub.clusters.sweeper.sweep(due)).lost).toBe(1);
    const seen = await read();
    const leipzig = seen("leipzig-1");
    expect(leipzig.availability).toBe("UNKNOWN");
    expect(leipzig.conditions.find((condition) => condition.type === "Available")).toMatchObject({
      status: "Unknown",
      reason: "LeaseExpired",
    });
    expect(leipzig.taints.map((taint) => taint.key)).toEqual(["alliance.coop/unreachable"]);
    expect(seen("berlin-1").availability).toBe("TRUE");
  });
});
