import { describe, expect, it } from "vitest";
import { newCluster, newRequest } from "../scheduler/builders.js";
import { CANDIDATE_CACHE_MS, CandidateCache } from "./candidate-cache.js";

const NOW = new Date("2026-11-25T12:00:00Z");
const later = (ms: number) => new Date(NOW.getTime() + ms);

function loaded() {
  const candidates = [
    newCluster("c1")
      .withCooperative("coop-owner")
      .withCpu(4000, 1000)
      .withOffer({ usedByAlliance: { cpu: 500 } })
      .build(),
    newCluster("c2").withCooperative("coop-owner").withCpu(8000).build(),
  ];
  return { candidates, clusters: new Map() };
}

describe("CandidateCache", () => {
  it("serves a read for two seconds, never one from the future", () => {
    const cache = new CandidateCache();
    const read = loaded();
    cache.set(NOW, read);
    expect(cache.get(later(CANDIDATE_CACHE_MS))?.candidates).toEqual(read.candidates);
    expect(cache.get(later(CANDIDATE_CACHE_MS + 1))).toBeUndefined();
    expect(cache.get(later(-1))).toBeUndefined();
  });

  it("replaces refreshed clusters with the new reservation on top, as new objects", () => {
    const cache = new CandidateCache();
    const read = loaded();
    cache.set(NOW, read);
    const [c1] = read.candidates;
    const request = newRequest({ requesterCooperativeId: "coop-guest", perReplica: { cpu: 1000 } });
    cache.refresh([c1], request, [
      { clusterId: "c1", cooperativeId: "coop-owner", replicas: 2, reservation: { cpu: 2000 } },
    ]);
    const [cached] = cache.get(NOW)?.candidates ?? [];
    expect(cached).not.toBe(c1);
    expect(cached.capacity.cpu.allocated).toBe(3000);
    expect(cached.offer?.usedByAlliance).toEqual({ cpu: 2500 });
    // The read handed to the caller is untouched.
    expect(c1.capacity.cpu.allocated).toBe(1000);
    expect(read.candidates[0]).toBe(c1);
  });

  it("does not count the owner's own placements as alliance use", () => {
    const cache = new CandidateCache();
    cache.set(NOW, loaded());
    const [c1] = cache.get(NOW)?.candidates ?? [];
    const own = newRequest({ requesterCooperativeId: "coop-owner" });
    cache.refresh([c1], own, [
      { clusterId: "c1", cooperativeId: "coop-owner", replicas: 1, reservation: { cpu: 1000 } },
    ]);
    expect(cache.get(NOW)?.candidates[0].offer?.usedByAlliance).toEqual({ cpu: 500 });
    expect(cache.get(NOW)?.candidates[0].capacity.cpu.allocated).toBe(2000);
  });
});
