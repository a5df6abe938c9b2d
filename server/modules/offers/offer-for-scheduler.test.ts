import { describe, expect, it } from "vitest";
import { newCluster, newContext, newRequest } from "../placement/scheduler/builders.js";
import { schedule } from "../placement/scheduler/schedule.js";
import { offerForScheduler } from "./offer-for-scheduler.js";
import { storedOffer } from "./offer-fixtures.js";

describe("offerForScheduler", () => {
  it("maps every stored term onto the scheduler's ClusterOffer", () => {
    const offer = storedOffer({
      caps: { cpu: 4000, "gpu:nvidia-a100": 2 },
      freeSharePercent: 25,
      allow: { cooperatives: ["coop-a"], tiers: ["tcc_member"] },
      deny: { cooperatives: ["coop-b"], tiers: ["vendor"] },
      windows: [{ days: [1, 2], start: "22:00", end: "06:00", timeZone: "Europe/Berlin" }],
      preemptible: true,
      gracePeriodSeconds: 120,
    });
    expect(offerForScheduler(offer, { cpu: 500 })).toEqual({
      id: "offer-1",
      version: 3,
      caps: { cpu: 4000, "gpu:nvidia-a100": 2 },
      freeShare: 0.25,
      allow: { cooperatives: ["coop-a"], tiers: ["tcc_member"] },
      deny: { cooperatives: ["coop-b"], tiers: ["vendor"] },
      windows: [{ days: [1, 2], start: "22:00", end: "06:00", timeZone: "Europe/Berlin" }],
      preemptible: true,
      usedByAlliance: { cpu: 500 },
    });
  });

  it("leaves out caps, share and windows that are not set (the scheduler reads absent as unlimited / always)", () => {
    const mapped = offerForScheduler(storedOffer());
    expect(mapped).toEqual({
      id: "offer-1",
      version: 3,
      allow: { cooperatives: [], tiers: [] },
      deny: { cooperatives: [], tiers: [] },
      preemptible: false,
      usedByAlliance: {},
    });
    expect(offerForScheduler(storedOffer({ freeSharePercent: 0 }))?.freeShare).toBe(0);
  });

  it.each(["paused", "withdrawn"] as const)("gives no offer for a %s version: no new guests", (status) => {
    expect(offerForScheduler(storedOffer({ status }))).toBeUndefined();
  });

  it("copies, so the scheduler's memo by identity never sees a stored row change under it", () => {
    const offer = storedOffer({ caps: { cpu: 1000 } });
    const mapped = offerForScheduler(offer);
    offer.caps.cpu = 5;
    expect(mapped?.caps?.cpu).toBe(1000);
  });

  it("drives the scheduler: a cap of 2 cpu and a 50 % share admit 2 replicas of 1 cpu out of 8 free", () => {
    const offer = offerForScheduler(storedOffer({ caps: { cpu: 2000 }, freeSharePercent: 50 }));
    const cluster = newCluster("c1")
      .withCpu(8000)
      .withMemoryGi(64)
      .withOffer(offer ?? {})
      .build();
    const result = schedule(newRequest({ replicas: 5 }), [cluster], newContext());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.placeableReplicas).toBe(2);
    const denied = offerForScheduler(storedOffer({ deny: { cooperatives: ["coop-requester"], tiers: [] } }));
    const refused = schedule(
      newRequest(),
      [
        newCluster("c2")
          .withCpu(8000)
          .withMemoryGi(64)
          .withOffer(denied ?? {})
          .build(),
      ],
      newContext(),
    );
    expect(refused.ok).toBe(false);
    expect(JSON.stringify(refused.explanation)).toContain("offerEligibility");
  });
});
