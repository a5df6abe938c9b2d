/**
 * A coarse picture of where new workloads could still fit: how many schedulable nodes have at least a given
 * amount of free cpu and memory. Buckets are lower bounds, so a node with 3 free cores counts under 2 cores.
 */

const GIBIBYTE = 1024 ** 3;

/** Lower bounds of the cpu buckets in millicores; 0 collects nodes with less than half a core free. */
export const CPU_BUCKETS_MILLICORES = [0, 500, 1000, 2000, 4000, 8000, 16000, 32000];

/** Lower bounds of the memory buckets in bytes; 0 collects nodes with less than 1 GiB free. */
export const MEMORY_BUCKETS_BYTES = [0, 1, 2, 4, 8, 16, 32, 64].map((gibibytes) => gibibytes * GIBIBYTE);

/** Count of nodes whose free resources fall in one (cpu, memory) bucket pair. */
export interface FreeShapeBucket {
  cpuAtLeastMillicores: number;
  memoryAtLeastBytes: number;
  nodes: number;
}

/** Free resources of one schedulable node. */
export interface FreeShape {
  cpuMillicores: number;
  memoryBytes: number;
}

function lowerBound(buckets: number[], value: number): number {
  let bound = buckets[0];
  for (const bucket of buckets) if (value >= bucket) bound = bucket;
  return bound;
}

/** Buckets free node shapes, returning only non-empty buckets ordered by cpu then memory. */
export function freeShapeHistogram(shapes: FreeShape[]): FreeShapeBucket[] {
  const counts = new Map<string, FreeShapeBucket>();
  for (const shape of shapes) {
    const cpuAtLeastMillicores = lowerBound(CPU_BUCKETS_MILLICORES, shape.cpuMillicores);
    const memoryAtLeastBytes = lowerBound(MEMORY_BUCKETS_BYTES, shape.memoryBytes);
    const key = `${cpuAtLeastMillicores}/${memoryAtLeastBytes}`;
    const bucket = counts.get(key) ?? { cpuAtLeastMillicores, memoryAtLeastBytes, nodes: 0 };
    bucket.nodes += 1;
    counts.set(key, bucket);
  }
  return [...counts.values()].sort(
    (left, right) =>
      left.cpuAtLeastMillicores - right.cpuAtLeastMillicores ||
      left.memoryAtLeastBytes - right.memoryAtLeastBytes,
  );
}
