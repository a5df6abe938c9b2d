import { describe, expect, it } from "vitest";
import { selectBenchmarks } from "./select-benchmarks.js";

const FILES = [
  "run-all.ts",
  "search.bench.ts",
  "README.md",
  "foundation.bench.ts",
  "support",
  "forum.bench.ts",
];

describe("Benchmark selection", () => {
  it("runs every *.bench.ts in name order when none is named", () => {
    expect(selectBenchmarks(FILES, [])).toEqual(["forum.bench.ts", "foundation.bench.ts", "search.bench.ts"]);
  });

  it.each([["foundation"], ["foundation.bench.ts"], ["bench/foundation.bench.ts"]])(
    "finds the benchmark named %s",
    (name) => {
      expect(selectBenchmarks(FILES, [name])).toEqual(["foundation.bench.ts"]);
    },
  );

  it("keeps the order in which benchmarks were named", () => {
    expect(selectBenchmarks(FILES, ["search", "forum"])).toEqual(["search.bench.ts", "forum.bench.ts"]);
  });

  it("refuses a name that matches no benchmark, listing the ones there are", () => {
    expect(() => selectBenchmarks(FILES, ["run-all"])).toThrow(/no benchmark "run-all"; available: forum/);
  });
});
