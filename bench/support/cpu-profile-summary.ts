/** The parts of a V8 `.cpuprofile` (written by `node --cpu-prof`) that a summary needs. */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }>;
  samples: number[];
  timeDeltas: number[];
}

/** Where a share of the sampled time went. */
export interface ProfileEntry {
  name: string;
  /** Share of all samples, 0..1. */
  share: number;
}

/** A profile boiled down: how long it ran, how much of that the thread worked, and on what. */
export interface CpuProfileSummary {
  seconds: number;
  /** Time not idle; `(program)` (native work outside JavaScript frames) counts as idle here. */
  busySeconds: number;
  functions: ProfileEntry[];
  owners: ProfileEntry[];
}

const IDLE_FRAMES = new Set(["(idle)", "(program)", "(root)"]);

/** `file:///…/node_modules/@apollo/server/dist/x.js` → `@apollo/server`; app code → its repository path. */
export function frameOwner(url: string): string {
  if (!url) return "(native)";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const parts = url.slice(modules + "node_modules/".length).split("/");
    return parts[0]?.startsWith("@") ? `${parts[0]}/${parts[1]}` : (parts[0] ?? url);
  }
  if (url.startsWith("node:")) return url;
  const repository = url.match(/\/(server|migrations|test|bench)\/.*$/);
  return repository ? repository[0].slice(1) : url;
}

/**
 * Self time per function and per package (or app file), busiest first, as shares of the samples the process
 * was not idle. `(garbage collector)` stays in as a frame of its own: it is often the answer.
 */
export function summariseCpuProfile(profile: CpuProfile, top = 15): CpuProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const functions = new Map<string, number>();
  const owners = new Map<string, number>();
  let busy = 0;
  let totalMicroseconds = 0;
  let busyMicroseconds = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    totalMicroseconds += delta;
    const frame = byId.get(id)?.callFrame;
    if (!frame || IDLE_FRAMES.has(frame.functionName)) return;
    busy++;
    busyMicroseconds += delta;
    const owner =
      frame.functionName === "(garbage collector)" ? "(garbage collector)" : frameOwner(frame.url);
    const name = `${frame.functionName || "(anonymous)"} ${owner}:${frame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + 1);
    owners.set(owner, (owners.get(owner) ?? 0) + 1);
  });
  const ranked = (counts: Map<string, number>) =>
    [...counts]
      .sort((left, right) => right[1] - left[1])
      .slice(0, top)
      .map(([name, count]) => ({ name, share: busy ? count / busy : 0 }));
  return {
    seconds: totalMicroseconds / 1e6,
    busySeconds: busyMicroseconds / 1e6,
    functions: ranked(functions),
    owners: ranked(owners),
  };
}
