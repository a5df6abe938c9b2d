import { mkdir, writeFile } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { resultsFileName } from "./report.js";

/**
 * Writes a benchmark's figures to `bench/results/<date>-<benchmark>-<database>.json`, with the machine they were
 * measured on; returns the file's path.
 */
export async function writeResultsFile(
  benchmark: string,
  database: string,
  startedAt: Date,
  figures: Record<string, unknown>,
): Promise<string> {
  const directory = fileURLToPath(new URL("../results/", import.meta.url));
  await mkdir(directory, { recursive: true });
  const file = `${directory}${resultsFileName(startedAt, `${benchmark}-${database}`)}`;
  const machine = { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  await writeFile(
    file,
    `${JSON.stringify({ benchmark, startedAt: startedAt.toISOString(), database, machine, ...figures }, null, 2)}\n`,
  );
  return file;
}
