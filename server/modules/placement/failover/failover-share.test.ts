import { describe, expect, it } from "vitest";
import type { Placement } from "../model/placement.entity.js";
import { failoverShare } from "./failover-share.js";

const placement = (overrides: Partial<Placement>) => ({ id: "p", replicas: 6, ...overrides }) as Placement;
const released = new Date("2026-11-25T08:00:00Z");
const work = [
  { clusterId: "lost", releasedAt: null },
  { clusterId: "running", releasedAt: null },
  { clusterId: "removing", releasedAt: null },
  { clusterId: "gone", releasedAt: released },
];

describe("failoverShare", () => {
  it.each([
    ["duplicated", 3, 1],
    ["divided", null, null],
  ] as const)(
    "%s: asks for the lost replicas, Duplicated as one copy",
    (modeKind, modeClusters, expected) => {
      const share = failoverShare(placement({ modeKind, modeClusters }), { replicas: 2 }, work);
      expect(share.replicas).toBe(2);
      expect(share.placement.modeClusters).toBe(expected);
      expect(share.placement.id).toBe("p");
    },
  );

  it("avoids every cluster with live work of the placement, not those whose work was released", () => {
    const share = failoverShare(placement({ modeKind: "divided" }), { replicas: 1 }, work);
    expect(share.avoidClusterIds.sort()).toEqual(["lost", "removing", "running"]);
  });
});
