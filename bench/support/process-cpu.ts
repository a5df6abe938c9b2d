import { readFile } from "node:fs/promises";

/** Clock ticks per second of `/proc/<pid>/stat` times (`getconf CLK_TCK`): 100 on every common Linux. */
const TICKS_PER_SECOND = 100;

/**
 * User plus system CPU seconds from a `/proc/<pid>/stat` line (fields 14 and 15, all threads). The command name
 * in parentheses may contain spaces, so fields are counted from the last `)`.
 */
export function parseProcStatCpuSeconds(stat: string, ticksPerSecond = TICKS_PER_SECOND): number {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // After the name: field 3 (state) is fields[0], so utime (14) and stime (15) are fields[11] and fields[12].
  const user = Number(fields[11]);
  const system = Number(fields[12]);
  if (!Number.isFinite(user) || !Number.isFinite(system)) throw new Error("unreadable /proc stat line");
  return (user + system) / ticksPerSecond;
}

/**
 * CPU seconds a process has used so far, or undefined where `/proc` is not there (macOS). On a machine shared
 * with other work this stays meaningful when requests per second do not: it counts the server's own work only.
 */
export async function readProcessCpuSeconds(pid: number): Promise<number | undefined> {
  try {
    return parseProcStatCpuSeconds(await readFile(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return undefined;
  }
}
