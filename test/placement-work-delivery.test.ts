import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HubClient } from "../agent/hub/hub-client.js";
import { SimulatedWorkTarget } from "../agent/work/simulated-target.js";
import { WorkReconciler } from "../agent/work/work-reconciler.js";
import { ManualClock } from "../server/clock.js";
import { toGlobalId } from "../server/graphql/global-id.js";
import { PlacementWorkEntity } from "../server/modules/placement/model/placement-work.entity.js";
import { buildApiToken, buildCooperative, buildPerson } from "./support/factories.js";
import { expectData, graphql } from "./support/graphql-client.js";
import { buildPlaceableCluster } from "./support/placeable-cluster.js";
import { CANCEL_PLACEMENT, CREATE_PLACEMENT, placementRequest } from "./support/placement-operations.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

/**
 * The contract between the hub's work API and the real agent code (agent/work: reconciler, hub client, the
 * simulated cluster): what the agent sends passes the hub's validation and drives the hub's state.
 */
let hub: TestHub;
const clock = new ManualClock(new Date());
const SILENT = { info: () => undefined, warn: () => undefined, error: () => undefined };

beforeAll(async () => {
  hub = await startTestHub({ clock });
});
afterAll(() => hub.stop());

describe("Work delivery with the agent's own code", () => {
  it("applies, becomes Available, and is removed and released after cancel", async () => {
    const admin = await buildPerson(hub.database.dataSource);
    const guest = await buildCooperative(hub.database.dataSource, { admins: [admin] });
    const adminToken = await buildApiToken(hub.database.dataSource, admin);
    const { credential } = await buildPlaceableCluster(hub.database.dataSource, {
      now: clock.now(),
      labels: { pool: "agent" },
    });
    const request = placementRequest(toGlobalId("Cooperative", guest.id), {
      constraints: { labelSelector: { matchLabels: [{ key: "pool", value: "agent" }] } },
    });
    const placementId = expectData(
      await graphql<{ createPlacement: { placement: { id: string } } }>(
        hub.url,
        CREATE_PLACEMENT,
        { input: { request } },
        { token: adminToken },
      ),
    ).createPlacement.placement.id;
    const rows = () =>
      hub.database.dataSource.manager.findBy(PlacementWorkEntity, {
        placementId: Buffer.from(placementId, "base64url").toString().split(":")[1],
      });

    let agentNow = clock.now().getTime();
    const now = () => new Date(agentNow);
    const errors: unknown[] = [];
    const reconciler = new WorkReconciler({
      hub: new HubClient({ url: `${hub.url}/graphql`, credential: () => credential }),
      target: new SimulatedWorkTarget({ now, readyAfterMs: 1000, terminationMs: 1000 }),
      logger: { ...SILENT, error: (details: unknown) => errors.push(details) },
      now,
      recheckMs: 0,
    });

    await reconciler.reconcile();
    const [applied] = await rows();
    expect(applied.conditions.find((entry) => entry.type === "Applied")?.status).toBe("True");
    expect(applied.availableSince).toBeNull();
    agentNow += 2000;
    await reconciler.reconcile();
    const [available] = await rows();
    expect(available.conditions.find((entry) => entry.type === "Available")?.status).toBe("True");
    expect(available.availableSince?.toISOString()).toBe(clock.now().toISOString());
    // The guest's objects and those the agent adds itself (namespace, quota, limits, network policy).
    expect(available.objects.map((object) => object.kind)).toEqual(
      expect.arrayContaining(["Deployment", "Service"]),
    );

    expectData(await graphql(hub.url, CANCEL_PLACEMENT, { input: { placementId } }, { token: adminToken }));
    await reconciler.reconcile();
    expect((await rows())[0]).toMatchObject({ desiredState: "absent", releasedAt: null });
    agentNow += 2000;
    await reconciler.reconcile();
    const [released] = await rows();
    expect(released.releasedAt).not.toBeNull();
    expect(released.observedGeneration).toBe(released.generation);
    expect(errors).toEqual([]);
  });
});
