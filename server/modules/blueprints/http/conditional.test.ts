import { describe, expect, it } from "vitest";
import { acceptsGzip, ifNoneMatchHits } from "./conditional.js";

describe("ifNoneMatchHits", () => {
  const etags = ['"abc"', '"abc-gz"'];
  it.each([
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc-gz"', true],
    ["*", true],
    ['"abcd"', false],
    ["abc", false],
    [undefined, false],
    ["", false],
  ])("%s -> %s", (header, hit) => {
    expect(ifNoneMatchHits(header, etags)).toBe(hit);
  });
});

describe("acceptsGzip", () => {
  it.each([
    ["gzip", true],
    ["gzip, deflate, br", true],
    ["br;q=1.0, gzip;q=0.8", true],
    ["*", true],
    ["gzip;q=0", false],
    ["identity", false],
    ["deflate", false],
    [undefined, false],
  ])("%s -> %s", (header, accepted) => {
    expect(acceptsGzip(header)).toBe(accepted);
  });
});
