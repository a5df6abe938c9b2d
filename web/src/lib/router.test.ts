import { describe, expect, it } from "vitest";
import { matchPath, queryParameter } from "./router.js";

describe("matchPath", () => {
  it.each([
    ["/", "/", {}],
    ["/cooperatives", "/cooperatives?tier=VENDOR", {}],
    ["/cooperatives", "/cooperatives/", {}],
    ["/cooperatives/:slug", "/cooperatives/green-hosting", { slug: "green-hosting" }],
    ["/invitations/:secret", "/invitations/ahi_a%2Bb", { secret: "ahi_a+b" }],
  ])("matches %s against %s", (pattern, location, expected) => {
    expect(matchPath(pattern, location)).toEqual(expected);
  });

  it.each([
    ["/cooperatives", "/cooperatives/green-hosting"],
    ["/cooperatives/:slug", "/cooperatives"],
    ["/cooperatives/:slug", "/cooperatives/a/members"],
    ["/profile", "/"],
    ["/invitations/:secret", "/invitations/%E0%A4%A"],
  ])("does not match %s against %s", (pattern, location) => {
    expect(matchPath(pattern, location)).toBeNull();
  });
});

describe("queryParameter", () => {
  it("reads a decoded parameter and answers an empty string when it is absent", () => {
    expect(queryParameter("/cooperatives?q=green%20hosting&tier=VENDOR", "q")).toBe("green hosting");
    expect(queryParameter("/cooperatives?q=green", "tier")).toBe("");
    expect(queryParameter("/cooperatives", "q")).toBe("");
  });
});
