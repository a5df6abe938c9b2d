import { describe, expect, it } from "vitest";
import { HubError } from "../../errors.js";
import { parsePodShape, quantityValue } from "./pod-shape.js";

describe("quantityValue", () => {
  it.each([
    ["2", 1000, 2000],
    ["500m", 1000, 500],
    ["0.1", 1000, 100],
    ["1.5", 1000, 1500],
    ["8Gi", 1, 8 * 1024 ** 3],
    ["512Mi", 1, 512 * 1024 ** 2],
    ["1G", 1, 1_000_000_000],
    ["1.5Gi", 1, 1.5 * 1024 ** 3],
  ])("%s at scale %i is %i", (text, scale, expected) => {
    expect(quantityValue(text, scale)).toBe(expected);
  });

  it.each(["", "two", "-1", "8 GiB", "1e3x", "Gi"])("refuses %j", (text) => {
    expect(quantityValue(text, 1)).toBeUndefined();
  });
});

describe("parsePodShape", () => {
  it("names every bad field under the given path", () => {
    try {
      parsePodShape({ cpu: "lots", memory: "0" }, "filter.fits");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HubError);
      const problems = (error as HubError).extensions.problems as Array<{ field: string }>;
      expect(problems.map((problem) => problem.field)).toEqual(["filter.fits.cpu", "filter.fits.memory"]);
    }
  });
});
