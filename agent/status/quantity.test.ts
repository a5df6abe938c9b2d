import { describe, expect, it } from "vitest";
import { parseQuantity, parseResource, QuantityError, tryParseQuantity } from "./quantity.js";

describe("Kubernetes quantities", () => {
  it.each([
    ["100m", 1000, 100],
    ["2", 1000, 2000],
    ["0.1", 1000, 100],
    ["1.5", 1000, 1500],
    ["250m", 1000, 250],
    ["1u", 1000, 1],
    ["500n", 1000, 1],
    ["8Gi", 1, 8 * 1024 ** 3],
    ["1.5G", 1, 1_500_000_000],
    ["1.5Gi", 1, 1.5 * 1024 ** 3],
    ["128974848", 1, 128_974_848],
    ["129e6", 1, 129_000_000],
    ["1e3", 1, 1000],
    ["1E3", 1, 1000],
    ["123Mi", 1, 123 * 1024 ** 2],
    ["1k", 1, 1000],
    ["1Ki", 1, 1024],
    ["2E", 1, 2e18],
    ["110", 1, 110],
    [".5", 1000, 500],
    ["5.", 1, 5],
    ["+3", 1, 3],
    ["-1", 1, -1],
    ["0", 1, 0],
  ])("parses %s at scale %d as %d", (text, scale, expected) => {
    expect(parseQuantity(text, scale)).toBe(expected);
  });

  it("rounds fractional base units up", () => {
    expect(parseQuantity("100m", 1)).toBe(1);
    expect(parseQuantity("1.1", 1)).toBe(2);
  });

  it.each(["", "abc", "1.2.3", "Gi", "1 Gi", "1gi", "1e", "--1"])("rejects %j", (text) => {
    expect(() => parseQuantity(text)).toThrow(QuantityError);
    expect(tryParseQuantity(text)).toBeUndefined();
  });

  it("reads cpu in millicores and other resources in base units", () => {
    expect(parseResource("cpu", "2")).toBe(2000);
    expect(parseResource("memory", "1Ki")).toBe(1024);
    expect(parseResource("memory", undefined)).toBe(0);
    expect(parseResource("memory", "garbage")).toBe(0);
  });
});
