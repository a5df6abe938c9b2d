import { describe, expect, it } from "vitest";
import { GIBIBYTE, newCluster, newRequest } from "./builders.js";
import { offerFreeAmount } from "./capacity.js";
import { fitReplicas } from "./replica-limits.js";

describe("Capacity: offer free part", () => {
  it.each([
    {
      name: "no caps, no share: unlimited by the offer",
      caps: undefined,
      share: undefined,
      used: 0,
      free: Infinity,
    },
    { name: "a cap minus what guests use", caps: 6000, share: undefined, used: 2000, free: 4000 },
    {
      name: "a share of spare capacity (free + guests) minus guests",
      caps: undefined,
      share: 0.5,
      used: 2000,
      free: 3000,
    },
    { name: "the smaller of cap and share", caps: 3000, share: 0.5, used: 2000, free: 1000 },
    { name: "never negative when guests exceed the cap", caps: 1000, share: undefined, used: 2000, free: 0 },
  ])("$name", ({ caps, share, used, free }) => {
    // 10 cpu allocatable, 2 cpu allocated by guests: 8 free, spare 10 (half of it is 5).
    const cluster = newCluster("c1")
      .withCpu(10000, 2000)
      .withOffer({
        caps: caps === undefined ? undefined : { cpu: caps },
        freeShare: share,
        usedByAlliance: { cpu: used },
      })
      .build();
    expect(offerFreeAmount(cluster, newRequest(), "cpu")).toBe(free);
  });
});

describe("Capacity: replicas that fit", () => {
  it("takes the tightest of request size, spread cap, offer, cluster and nodes", () => {
    const build = () =>
      newCluster("c1")
        .withCpu(16000)
        .withMemoryGi(64)
        .withNodeShapes({ cpuMillis: 4000, memoryBytes: 16 * GIBIBYTE, count: 4 });
    const request = newRequest({ replicas: 10, perReplica: { cpu: 1000, memory: GIBIBYTE } });
    expect(fitReplicas(build().build(), request)).toBe(10);
    expect(fitReplicas(build().build(), { ...request, spread: { maxPerCluster: 3 } })).toBe(3);
    expect(
      fitReplicas(
        build()
          .withOffer({ caps: { cpu: 5000 } })
          .build(),
        request,
      ),
    ).toBe(5);
    expect(fitReplicas(build().withCpu(16000, 10000).build(), request)).toBe(6);
    expect(
      fitReplicas(
        build()
          .withNodeShapes({ cpuMillis: 1500, memoryBytes: 16 * GIBIBYTE, count: 7 })
          .build(),
        request,
      ),
    ).toBe(7);
  });
});
