import { describe, expect, it } from "vitest";
import { cooperativeCountFor, fleetCluster, SCARCE_CLUSTERS, SCARCE_COUNTRY } from "./placement-fleet.js";

const fleet = (clusters: number) =>
  Array.from({ length: clusters }, (_, index) => fleetCluster(index, clusters));

describe("placement fleet", () => {
  it("has exactly the scarce clusters in Iceland at every size", () => {
    for (const size of [1_000, 10_000, 20_000]) {
      const scarce = fleet(size).filter((cluster) => cluster.scarce);
      expect(scarce).toHaveLength(SCARCE_CLUSTERS);
      expect(scarce.every((cluster) => cluster.labels.country === SCARCE_COUNTRY)).toBe(true);
      expect(fleet(size).filter((cluster) => cluster.labels.country === SCARCE_COUNTRY)).toHaveLength(
        SCARCE_CLUSTERS,
      );
    }
  });

  it("spreads clusters over 50 to 200 cooperatives, each with some", () => {
    expect([1_000, 10_000, 20_000, 100].map(cooperativeCountFor)).toEqual([50, 100, 200, 50]);
    const owners = new Set(fleet(10_000).map((cluster) => cluster.cooperative));
    expect(owners.size).toBe(100);
  });

  it("offers about 95% of the clusters, some with caps, windows and audience lists", () => {
    const clusters = fleet(1_000);
    const offered = clusters.filter((cluster) => cluster.offer !== undefined);
    expect(offered.length / clusters.length).toBeCloseTo(0.95, 1);
    expect(offered.some((cluster) => Object.keys(cluster.offer?.caps ?? {}).length > 0)).toBe(true);
    expect(offered.some((cluster) => (cluster.offer?.windows.length ?? 0) > 0)).toBe(true);
    expect(offered.some((cluster) => (cluster.offer?.allow.tiers.length ?? 0) > 0)).toBe(true);
    expect(offered.some((cluster) => (cluster.offer?.deny.tiers.length ?? 0) > 0)).toBe(true);
  });

  it("is deterministic", () => {
    expect(fleetCluster(4711, 20_000)).toEqual(fleetCluster(4711, 20_000));
  });
});
