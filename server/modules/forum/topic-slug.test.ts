import { describe, expect, it } from "vitest";
import { topicSlug } from "./topic-slug.js";

describe("topicSlug", () => {
  it("keeps lower-case ASCII words joined by single hyphens", () => {
    expect(topicSlug("MetalLB in layer 2 mode: ARP problems?")).toBe("metallb-in-layer-2-mode-arp-problems");
    expect(topicSlug("Ünïcode Café — crème brûlée")).toBe("unicode-cafe-creme-brulee");
  });

  it("falls back to 'topic' and caps the length without a trailing hyphen", () => {
    expect(topicSlug("!!! ???")).toBe("topic");
    const slug = topicSlug(`${"word ".repeat(40)}end`);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
  });
});
