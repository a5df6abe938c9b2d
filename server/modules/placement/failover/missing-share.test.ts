import { describe, expect, it } from "vitest";
import type { Placement } from "../model/placement.entity.js";
import type { PlacementWork } from "../model/placement-work.entity.js";
import { missingShare } from "./missing-share.js";

const placement = (overrides: Partial<Placement>) =>
  ({ id: "p", replicas: 6, modeKind: "divided", modeClusters: null, ...overrides }) as Placement;
const released = new Date("2026-11-25T08:00:00Z");
type Row = Pick<PlacementWork, "clusterId" | "releasedAt" | "desiredState" | "replicas">;
const present = (clusterId: string, replicas: number): Row => ({
  clusterId,
  replicas,
  releasedAt: null,
  desiredState: "present",
});
const removing = (clusterId: string, replicas: number): Row => ({
  ...present(clusterId, replicas),
  desiredState: "absent",
});
const revoked = (clusterId: string, replicas: number): Row => ({
  ...removing(clusterId, replicas),
  releasedAt: released,
});

describe("missingShare", () => {
  it.each([
    ["all replicas running", [present("a", 4), present("b", 2)], null],
    ["a revoked share", [present("a", 4), revoked("b", 2)], 2],
    ["every share revoked", [revoked("a", 4), revoked("b", 2)], 6],
    // Failover in flight: the moved-away work is ABSENT but its replacement is PRESENT elsewhere.
    ["failover in flight", [present("a", 4), removing("b", 2), present("c", 2)], null],
    ["a share being removed without replacement", [present("a", 4), removing("b", 2)], 2],
  ])("Divided, %s", (_case, work, expected) => {
    expect(missingShare(placement({}), work)?.replicas ?? null).toBe(expected);
  });

  it.each([
    ["every copy running", [present("a", 3), present("b", 3)], null],
    ["one copy revoked", [present("a", 3), revoked("b", 3)], 1],
    ["both copies revoked", [revoked("a", 3), revoked("b", 3)], 2],
    ["failover in flight", [present("a", 3), removing("b", 3), present("c", 3)], null],
  ])("Duplicated over 2 clusters, %s", (_case, work, expectedCopies) => {
    const share = missingShare(placement({ modeKind: "duplicated", modeClusters: 2, replicas: 3 }), work);
    expect(share?.placement.modeClusters ?? null).toBe(expectedCopies);
    if (share) expect(share.replicas).toBe(3);
  });

  it("avoids clusters with live work of the placement, not those whose work was released", () => {
    const share = missingShare(placement({}), [present("a", 2), removing("b", 2), revoked("c", 2)]);
    expect(share?.avoidClusterIds.sort()).toEqual(["a", "b"]);
    expect(share?.placement.id).toBe("p");
  });
});
