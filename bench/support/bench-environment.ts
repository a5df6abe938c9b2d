/**
 * The benchmarks' settings. Like `server/config.ts` for the hub, this module is the only reader of `process.env`
 * under `bench/`: everything else receives a `BenchEnvironment`.
 */
export interface BenchEnvironment {
  /** Measured seconds per scenario (`BENCH_SECONDS`, default 10). */
  seconds: number;
  /** Warm-up seconds per scenario, not measured (`BENCH_WARMUP_SECONDS`, default 2). */
  warmupSeconds: number;
  /** Concurrent connections (`BENCH_CONNECTIONS`, default 50). */
  connections: number;
  /** A PostgreSQL server to create a throwaway database on (`DATABASE_URL`); PGlite when unset. */
  databaseUrl: string | undefined;
  /** The hub's log level during the run (`BENCH_LOG_LEVEL`, default `warn`). */
  hubLogLevel: string;
  /** When set, the hub child writes a V8 CPU profile into this directory (`BENCH_CPU_PROF`). */
  cpuProfileDirectory: string | undefined;
  /**
   * Only the scenarios whose name contains one of these (case-insensitive; `BENCH_SCENARIOS`, comma-separated,
   * e.g. `posting,topic page 1 (50`); empty: every scenario.
   */
  scenarios: string[];
}

/** Whether `scenario` is selected by `BENCH_SCENARIOS` (every scenario when the list is empty). */
export function scenarioSelected(
  environment: Pick<BenchEnvironment, "scenarios">,
  scenario: string,
): boolean {
  const name = scenario.toLowerCase();
  return environment.scenarios.length === 0 || environment.scenarios.some((part) => name.includes(part));
}

function positiveNumber(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

/** Reads the benchmark settings from `source` (the process environment unless given). */
export function loadBenchEnvironment(
  source: Record<string, string | undefined> = process.env,
): BenchEnvironment {
  return {
    seconds: positiveNumber("BENCH_SECONDS", source.BENCH_SECONDS, 10),
    warmupSeconds: positiveNumber("BENCH_WARMUP_SECONDS", source.BENCH_WARMUP_SECONDS, 2),
    connections: Math.round(positiveNumber("BENCH_CONNECTIONS", source.BENCH_CONNECTIONS, 50)),
    databaseUrl: source.DATABASE_URL || undefined,
    hubLogLevel: source.BENCH_LOG_LEVEL || "warn",
    cpuProfileDirectory: source.BENCH_CPU_PROF || undefined,
    scenarios: (source.BENCH_SCENARIOS ?? "")
      .split(",")
      .map((part) => part.trim().toLowerCase())
      .filter((part) => part !== ""),
  };
}

/**
 * The environment a child server starts from: the parent's PATH and the like, minus every setting the hub reads,
 * so that a developer's own `.env` exports cannot change what is measured.
 */
export function childBaseEnvironment(
  source: Record<string, string | undefined> = process.env,
): NodeJS.ProcessEnv {
  const keep: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(source)) {
    if (value !== undefined && ["PATH", "HOME", "TMPDIR", "LANG", "TZ"].includes(name)) keep[name] = value;
  }
  return keep;
}
