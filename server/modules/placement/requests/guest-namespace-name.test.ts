import { describe, expect, it } from "vitest";
import { guestNamespaceName as agentsName } from "../../../../agent/work/guest-namespace.js";
import { guestNamespaceName } from "./guest-namespace-name.js";

describe("guestNamespaceName", () => {
  const id = "9df713ad-f3b4-4df6-99a1-582a16b20e47";

  it.each([
    ["short", "food-coop", "alliance-guest-food-coop-9df713ad"],
    [
      "cut at 54 without a trailing hyphen",
      `${"a".repeat(38)}-b`,
      `alliance-guest-${"a".repeat(38)}-9df713ad`,
    ],
    ["very long", "x".repeat(80), `alliance-guest-${"x".repeat(39)}-9df713ad`],
  ])("%s", (_case, slug, expected) => {
    const name = guestNamespaceName(slug, id);
    expect(name).toBe(expected);
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
  });

  it("is the name the agent creates", () => {
    for (const slug of ["a", "food-coop", "x".repeat(63), `${"a".repeat(38)}-b`]) {
      const reservation = {
        guestSlug: slug,
        placementId: id,
        cpuMillicores: 1,
        memoryBytes: 1,
        storageBytes: 0,
        pods: 1,
      };
      expect(guestNamespaceName(slug, id)).toBe(agentsName(reservation));
    }
  });
});
