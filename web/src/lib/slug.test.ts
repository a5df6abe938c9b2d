import { describe, expect, it } from "vitest";
import { suggestSlug } from "./slug.js";

describe("suggestSlug", () => {
  it.each([
    ["Harbour Cloud Coop", "harbour-cloud-coop"],
    ["  Café Coopérative  ", "cafe-cooperative"],
    ["Green & Hosting!!", "green-hosting"],
    ["---", ""],
    [`${"A".repeat(39)} B`, "a".repeat(39)],
  ])("suggests a slug for %j", (name, expected) => {
    expect(suggestSlug(name)).toBe(expected);
  });

  it("never exceeds 40 characters nor ends with a hyphen", () => {
    const slug = suggestSlug("The Very Long Name Of A Cooperative That Goes On And On");
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug).not.toMatch(/^-|-$/);
  });
});
