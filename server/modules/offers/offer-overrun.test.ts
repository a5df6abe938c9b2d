import { describe, expect, it } from "vitest";
import { storedOffer } from "./offer-fixtures.js";
import { offerOverrun } from "./offer-overrun.js";

describe("offerOverrun", () => {
  it.each([
    ["nothing in use", { cpu: 4000 }, null, {}, {}, {}],
    ["use within the cap", { cpu: 4000 }, null, { cpu: 4000 }, {}, {}],
    ["a cap lowered below use", { cpu: 2000 }, null, { cpu: 3500, memory: 10 }, {}, { cpu: 1500 }],
    ["a resource without cap or known spare", {}, 50, { memory: 100 }, {}, {}],
    ["a share below use", {}, 25, { cpu: 3000 }, { cpu: 8000 }, { cpu: 1000 }],
    ["the tighter of cap and share", { cpu: 1000 }, 50, { cpu: 3000 }, { cpu: 8000 }, { cpu: 2000 }],
    ["zero or negative use ignored", { cpu: 0 }, null, { cpu: 0, pods: -1 }, {}, {}],
  ])("%s", (_case, caps, freeSharePercent, inUse, spare, expected) => {
    const offer = storedOffer({ caps, freeSharePercent });
    expect(offerOverrun(offer, inUse, spare)).toEqual(expected);
  });

  it.each(["paused", "withdrawn"] as const)(
    "counts all use as overrun once %s (nothing is evicted)",
    (status) => {
      expect(offerOverrun(storedOffer({ status, caps: { cpu: 9000 } }), { cpu: 500, pods: 2 })).toEqual({
        cpu: 500,
        pods: 2,
      });
    },
  );
});
