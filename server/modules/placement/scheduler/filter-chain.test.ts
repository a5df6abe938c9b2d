import { describe, expect, it } from "vitest";
import { newCluster, newContext, newRequest } from "./builders.js";
import { FILTER_CHAIN, filterPlan, firstRejectionOf } from "./filter-chain.js";
import type { ClusterCandidate, PlacementRequest } from "./types.js";

/** The loop the spelled-out chain replaces: the first filter of FILTER_CHAIN that rejects. */
function loopRejection(cluster: ClusterCandidate, request: PlacementRequest) {
  for (const { name, filter } of FILTER_CHAIN) {
    const result = filter(cluster, request, newContext());
    if (!result.ok) return { filter: name, reason: result.reason };
  }
  return undefined;
}

const base = () => newCluster("c1").withCpu(8000).withMemoryGi(32).withCooperative("coop-owner");

const clusters: Array<[string, ClusterCandidate]> = [
  ["healthy", base().build()],
  ["not accepted", base().notAccepted().build()],
  ["unavailable", base().withCondition("Available", "Unknown").build()],
  ["stale", base().withCondition("CapacityFresh", "False").build()],
  ["tainted", base().withTaint({ key: "alliance.coop/maintenance", effect: "NoSelect" }).build()],
  ["not offered", base().withoutOffer().build()],
  [
    "deny list",
    base()
      .withOffer({ deny: { tiers: ["alliance_partner"] } })
      .build(),
  ],
  [
    "allow list",
    base()
      .withOffer({ allow: { cooperatives: ["someone-else"] } })
      .build(),
  ],
  [
    "closed window",
    base()
      .withOffer({ windows: [{ days: [], start: "00:00", end: "24:00" }] })
      .build(),
  ],
  [
    "labelled DE",
    base()
      .withLabels({ "alliance.coop/jurisdiction": "EU", "alliance.coop/country": "DE", tier: "gold" })
      .build(),
  ],
  [
    "labelled CH",
    base().withLabels({ "alliance.coop/jurisdiction": "CH", "alliance.coop/country": "CH" }).build(),
  ],
  [
    "offer cap too small",
    base()
      .withOffer({ caps: { cpu: 100 } })
      .build(),
  ],
  ["too small", newCluster("c2").withCpu(100).withMemoryGi(32).build()],
  ["own cluster", base().withCooperative("coop-requester").build()],
];

const requests: Array<[string, PlacementRequest]> = [
  ["plain", newRequest()],
  ["jurisdiction EU", newRequest({ constraints: { jurisdictions: ["EU"] } })],
  ["country CH", newRequest({ constraints: { countries: ["CH"] } })],
  ["selector", newRequest({ constraints: { labelSelector: { matchLabels: { tier: "gold" } } } })],
  [
    "exclude own",
    newRequest({ requesterCooperativeId: "coop-requester", constraints: { excludeOwnClusters: true } }),
  ],
  ["big", newRequest({ perReplica: { cpu: 4000 }, replicas: 4 })],
];

describe("firstRejectionOf", () => {
  for (const [requestName, request] of requests) {
    for (const [clusterName, cluster] of clusters) {
      it(`agrees with FILTER_CHAIN: ${requestName} on ${clusterName}`, () => {
        expect(firstRejectionOf(cluster, request, newContext(), filterPlan(request))).toEqual(
          loopRejection(cluster, request),
        );
      });
    }
  }

  it("rejects somewhere in the table (the comparison is not all PASS)", () => {
    const rejected = clusters.filter(([, cluster]) => loopRejection(cluster, newRequest()) !== undefined);
    expect(rejected.length).toBeGreaterThan(5);
  });
});
