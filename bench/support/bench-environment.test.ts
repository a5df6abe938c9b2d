import { describe, expect, it } from "vitest";
import { childBaseEnvironment, loadBenchEnvironment, scenarioSelected } from "./bench-environment.js";

describe("Benchmark environment", () => {
  it("defaults to 50 connections, 10 measured seconds after 2 of warm-up, on PGlite", () => {
    expect(loadBenchEnvironment({})).toEqual({
      seconds: 10,
      warmupSeconds: 2,
      connections: 50,
      databaseUrl: undefined,
      hubLogLevel: "warn",
      cpuProfileDirectory: undefined,
      scenarios: [],
    });
  });

  it("selects scenarios by BENCH_SCENARIOS, a comma-separated list of case-insensitive name parts", () => {
    const environment = loadBenchEnvironment({ BENCH_SCENARIOS: " Posting , topic page 1 (50," });
    expect(environment.scenarios).toEqual(["posting", "topic page 1 (50"]);
    expect(scenarioSelected(environment, "posting")).toBe(true);
    expect(scenarioSelected(environment, "topic page 1 (50 posts)")).toBe(true);
    expect(scenarioSelected(environment, "latest list (/forum)")).toBe(false);
    expect(scenarioSelected(loadBenchEnvironment({}), "latest list (/forum)")).toBe(true);
  });

  it("reads durations, connections, the database and profiling from the environment", () => {
    const environment = loadBenchEnvironment({
      BENCH_SECONDS: "3",
      BENCH_WARMUP_SECONDS: "0.5",
      BENCH_CONNECTIONS: "8",
      DATABASE_URL: "postgres://postgres@127.0.0.1:5432/postgres",
      BENCH_LOG_LEVEL: "info",
      BENCH_CPU_PROF: "/tmp/profiles",
    });
    expect(environment).toMatchObject({
      seconds: 3,
      warmupSeconds: 0.5,
      connections: 8,
      databaseUrl: "postgres://postgres@127.0.0.1:5432/postgres",
      hubLogLevel: "info",
      cpuProfileDirectory: "/tmp/profiles",
    });
  });

  it.each([["0"], ["-1"], ["ten"]])("refuses BENCH_SECONDS=%s", (value) => {
    expect(() => loadBenchEnvironment({ BENCH_SECONDS: value })).toThrow(/BENCH_SECONDS/);
  });

  it("starts children without the parent's hub settings", () => {
    expect(
      childBaseEnvironment({ PATH: "/usr/bin", DATABASE_URL: "postgres://elsewhere", LOG_LEVEL: "debug" }),
    ).toEqual({ PATH: "/usr/bin" });
  });
});
