import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../server/config.js";
import { toGlobalId } from "../server/graphql/global-id.js";
import { DEFAULT_WEIGHTS } from "../server/modules/placement/scheduler/scorer-chain.js";
import { buildApiToken, buildCooperative, buildPerson } from "./support/factories.js";
import { expectData, graphql } from "./support/graphql-client.js";
import { buildPlaceableCluster } from "./support/placeable-cluster.js";
import { placementRequest } from "./support/placement-operations.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

/** Scorer weights are the operator's: `PLACEMENT_SCORER_WEIGHTS` reaches every decision the hub takes. */

let hub: TestHub;
let token: string;
let cooperativeId: string;

beforeAll(async () => {
  hub = await startTestHub({ env: { PLACEMENT_SCORER_WEIGHTS: "balance=5, preferOwn=0" } });
  const dataSource = hub.database.dataSource;
  const admin = await buildPerson(dataSource);
  const cooperative = await buildCooperative(dataSource, { admins: [admin] });
  cooperativeId = toGlobalId("Cooperative", cooperative.id);
  token = await buildApiToken(dataSource, admin);
  await buildPlaceableCluster(dataSource, { labels: { pool: "weights" } });
});
afterAll(() => hub.stop());

describe("configured scorer weights", () => {
  it("are the weights of the previewed and the stored decision", async () => {
    const request = placementRequest(cooperativeId, {
      constraints: { labelSelector: { matchLabels: [{ key: "pool", value: "weights" }] } },
    });
    const weightsOf = (decision: {
      clusters: Array<{ scores: Array<{ scorer: string; weight: number }> }>;
    }) => Object.fromEntries(decision.clusters[0].scores.map((score) => [score.scorer, score.weight]));
    const decisionFields = "clusters(first: 1) { scores { scorer weight } }";
    const preview = await graphql<{
      previewPlacement: {
        decision: { clusters: Array<{ scores: Array<{ scorer: string; weight: number }> }> };
      };
    }>(
      hub.url,
      `query($r: PlacementRequestInput!) { previewPlacement(request: $r) { decision { ${decisionFields} } } }`,
      { r: request },
      { token },
    );
    const expected = { ...DEFAULT_WEIGHTS, balance: 5, preferOwn: 0 };
    expect(weightsOf(expectData(preview).previewPlacement.decision)).toEqual(expected);

    const created = await graphql<{
      createPlacement: {
        placement: { decision: { clusters: Array<{ scores: Array<{ scorer: string; weight: number }> }> } };
      };
    }>(
      hub.url,
      `mutation($i: CreatePlacementInput!) { createPlacement(input: $i) { placement { decision { ${decisionFields} } } } }`,
      { i: { request } },
      { token },
    );
    expect(weightsOf(expectData(created).createPlacement.placement.decision)).toEqual(expected);
  });

  it("refuse to start with an unknown scorer or an out-of-range weight, naming both", () => {
    expect(() => loadConfig({ PLACEMENT_SCORER_WEIGHTS: "speed=1,balance=500" })).toThrow(ConfigError);
    try {
      loadConfig({ PLACEMENT_SCORER_WEIGHTS: "speed=1,balance=500" });
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        expect.stringMatching(/^PLACEMENT_SCORER_WEIGHTS: unknown scorer "speed"/),
        expect.stringMatching(/^PLACEMENT_SCORER_WEIGHTS: balance needs a number from 0 to 100/),
      ]);
    }
  });
});
