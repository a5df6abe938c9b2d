import { describe, expect, it } from "vitest";
import {
  compareSemver,
  isSemver,
  isSemverRange,
  parseSemver,
  satisfiesSemverRange,
  sortSemverDescending,
} from "./semver.js";

describe("SemVer 2 parsing", () => {
  it.each(["1.0.0", "0.0.1", "1.2.3-rc.1", "1.2.3-alpha.beta+exp.sha.5114f85", "10.20.30+build.1"])(
    "accepts %s",
    (version) => {
      expect(isSemver(version)).toBe(true);
    },
  );

  it.each(["v1.0.0", "1.0", "01.0.0", "1.0.0-01", "1.0.0-", "1.0.0+", "latest", "1.0.0 ", ""])(
    "rejects %s",
    (version) => {
      expect(isSemver(version)).toBe(false);
    },
  );

  it("keeps numeric prerelease identifiers as numbers", () => {
    expect(parseSemver("1.0.0-rc.11")?.prerelease).toEqual(["rc", 11]);
  });
});

describe("SemVer 2 precedence", () => {
  it("orders the example chain of the specification", () => {
    const chain = [
      "1.0.0-alpha",
      "1.0.0-alpha.1",
      "1.0.0-alpha.beta",
      "1.0.0-beta",
      "1.0.0-beta.2",
      "1.0.0-beta.11",
      "1.0.0-rc.1",
      "1.0.0",
      "1.1.0",
      "2.0.0",
    ];
    for (let index = 0; index + 1 < chain.length; index++) {
      expect(compareSemver(chain[index], chain[index + 1])).toBe(-1);
      expect(compareSemver(chain[index + 1], chain[index])).toBe(1);
    }
  });

  it("ignores build metadata", () => {
    expect(compareSemver("1.0.0+a", "1.0.0+b")).toBe(0);
  });

  it("compares numbers numerically, not as text", () => {
    expect(compareSemver("1.10.0", "1.9.0")).toBe(1);
  });

  it("sorts newest first", () => {
    expect(sortSemverDescending(["1.0.0", "1.1.0", "1.1.0-rc.1", "0.9.0"])).toEqual([
      "1.1.0",
      "1.1.0-rc.1",
      "1.0.0",
      "0.9.0",
    ]);
  });

  it("throws on an invalid version", () => {
    expect(() => compareSemver("1.0", "1.0.0")).toThrow(RangeError);
  });
});

describe("Version ranges", () => {
  it.each([
    ["1.34.0", ">=1.34.0 <1.37.0", true],
    ["1.36.2", ">=1.34.0 <1.37.0", true],
    ["1.37.0", ">=1.34.0 <1.37.0", false],
    ["1.33.9", ">=1.34.0 <1.37.0", false],
    ["1.38.0", ">=1.34.0 <1.37.0 || =1.38.0", true],
    ["1.38.0", "1.38.0", true],
    ["1.37.0-rc.1", "<1.37.0", true],
  ])("%s against %s is %s", (version, range, expected) => {
    expect(satisfiesSemverRange(version, range)).toBe(expected);
  });

  it.each([">=1.34", "~1.2.3", "", "|| >=1.0.0", ">= 1.0.0"])("rejects the range %j", (range) => {
    expect(isSemverRange(range)).toBe(false);
  });
});
