import { readFile } from "node:fs/promises";
import { type CpuProfile, summariseCpuProfile } from "./support/cpu-profile-summary.js";

/**
 * `npx tsx bench/profile.ts <file.cpuprofile>...`: the busiest functions and packages of CPU profiles written by
 * a benchmark run with `BENCH_CPU_PROF=<directory>` (self time, idle excluded).
 */
for (const file of process.argv.slice(2)) {
  const profile = JSON.parse(await readFile(file, "utf8")) as CpuProfile;
  const summary = summariseCpuProfile(profile, 25);
  const busy = `${summary.busySeconds.toFixed(1)} of ${summary.seconds.toFixed(1)} s busy`;
  console.log(`\n${file} (${busy})\n  by package or file:`);
  for (const entry of summary.owners)
    console.log(`  ${(entry.share * 100).toFixed(1).padStart(5)}%  ${entry.name}`);
  console.log("  by function:");
  for (const entry of summary.functions)
    console.log(`  ${(entry.share * 100).toFixed(1).padStart(5)}%  ${entry.name}`);
}
