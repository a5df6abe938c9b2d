import { describe, expect, it } from "vitest";
import { permalinkTarget, postPath } from "./forum-permalink.js";

describe("postPath", () => {
  it("appends the post number to the topic path", () => {
    expect(postPath("/forum/t/etcd-certs/Rm9ydW1Ub3BpYzox", 110)).toBe(
      "/forum/t/etcd-certs/Rm9ydW1Ub3BpYzox/110",
    );
    expect(postPath("/forum/t/etcd-certs/abc/", 2)).toBe("/forum/t/etcd-certs/abc/2");
  });
});

describe("permalinkTarget", () => {
  it("prefers the number in the path, then a legacy #post- fragment", () => {
    expect(permalinkTarget("110", "")).toBe(110);
    expect(permalinkTarget("110", "#post-3")).toBe(110);
    expect(permalinkTarget(undefined, "#post-42")).toBe(42);
    expect(permalinkTarget(undefined, "")).toBeNull();
  });

  it.each([["0"], ["-3"], ["3.5"], ["1e3"], ["abc"], ["9999999999"], [""]])("ignores %j", (text) => {
    expect(permalinkTarget(text, "")).toBeNull();
    expect(permalinkTarget(undefined, `#post-${text}`)).toBeNull();
  });
});
