import { describe, expect, it } from "vitest";
import { newCluster, newContext, newRequest } from "../builders.js";
import { capacityFresh } from "./capacity-fresh.js";

describe("Filter: capacity fresh", () => {
  it.each([
    { status: "True" as const, ok: true },
    { status: "False" as const, ok: false },
    { status: "Unknown" as const, ok: false },
  ])("CapacityFresh=$status gives ok=$ok", ({ status, ok }) => {
    const cluster = newCluster("c1").withCondition("CapacityFresh", status).build();
    expect(capacityFresh(cluster, newRequest(), newContext()).ok).toBe(ok);
  });

  it("names the stale status in the reason", () => {
    const cluster = newCluster("c1").withCondition("CapacityFresh", "False").build();
    expect(capacityFresh(cluster, newRequest(), newContext())).toEqual({
      ok: false,
      reason: "CapacityFresh is False",
    });
  });
});
