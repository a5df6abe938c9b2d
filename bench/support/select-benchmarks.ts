/** The suffix that makes a file in `bench/` a benchmark. */
export const BENCHMARK_SUFFIX = ".bench.ts";

/**
 * The benchmarks to run, in name order: every `*.bench.ts` among `files`, or only those named in `requested`
 * (`foundation`, `foundation.bench.ts` or `bench/foundation.bench.ts`). Throws on a name that matches nothing.
 */
export function selectBenchmarks(files: string[], requested: string[]): string[] {
  const available = files.filter((file) => file.endsWith(BENCHMARK_SUFFIX)).sort();
  if (requested.length === 0) return available;
  return requested.map((name) => {
    const base = name.replace(/^.*\//, "").replace(/\.bench\.ts$/, "");
    const file = `${base}${BENCHMARK_SUFFIX}`;
    if (!available.includes(file))
      throw new Error(`no benchmark "${name}"; available: ${available.join(", ") || "none"}`);
    return file;
  });
}
