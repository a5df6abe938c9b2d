import { z } from "zod";
import { badUserInput } from "../../errors.js";

/**
 * "Does a 2-CPU/8Gi pod fit anywhere": a pod shape given in Kubernetes quantities, converted to the units of the
 * free node shape histogram (millicores, bytes). The hub keeps its own small parser: the agent is a separate
 * program and shares only the GraphQL schema.
 */
const QUANTITY = /^(\d+(?:\.\d+)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)?$/;
const POWERS: Record<string, bigint> = {
  Ki: 2n ** 10n,
  Mi: 2n ** 20n,
  Gi: 2n ** 30n,
  Ti: 2n ** 40n,
  Pi: 2n ** 50n,
  Ei: 2n ** 60n,
  k: 10n ** 3n,
  M: 10n ** 6n,
  G: 10n ** 9n,
  T: 10n ** 12n,
  P: 10n ** 15n,
  E: 10n ** 18n,
};

/** A quantity in units of `1 / scale` (scale 1000: millicores), rounded up; undefined when it is not one. */
export function quantityValue(text: string, scale: number): number | undefined {
  const match = QUANTITY.exec(text.trim());
  if (!match) return undefined;
  const [, number, suffix] = match;
  const [whole, fraction = ""] = number.split(".");
  // Exact in BigInt: "0.1" cpu is 100 millicores, not 100.00000000000001.
  let numerator = BigInt(`${whole}${fraction}` || "0") * BigInt(scale);
  let denominator = 10n ** BigInt(fraction.length);
  if (suffix === "m") denominator *= 1000n;
  else if (suffix) numerator *= POWERS[suffix];
  return Number((numerator + denominator - 1n) / denominator);
}

const quantity = (scale: number, example: string) =>
  z.string().transform((text, context) => {
    const value = quantityValue(text, scale);
    if (value === undefined || value <= 0 || !Number.isSafeInteger(value)) {
      context.addIssue({ code: "custom", message: `a positive Kubernetes quantity such as ${example}` });
      return z.NEVER;
    }
    return value;
  });

const podShape = z.object({ cpu: quantity(1000, '"2" or "500m"'), memory: quantity(1, '"8Gi"') });

/** A pod's requests in the histogram's units. */
export interface PodShape {
  cpuMillicores: number;
  memoryBytes: number;
}

/** Validates a `ClusterPodShapeInput`; problems are named under `field` (e.g. `filter.fits.cpu`). */
export function parsePodShape(input: { cpu: string; memory: string }, field: string): PodShape {
  const result = podShape.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => ({
      field: [field, ...issue.path.map(String)].join("."),
      message: issue.message,
    }));
    throw badUserInput(
      `Invalid ${field}: ${problems.map((p) => `${p.field}: ${p.message}`).join("; ")}`,
      problems,
    );
  }
  return { cpuMillicores: result.data.cpu, memoryBytes: result.data.memory };
}

/**
 * SQL (alias `cluster`) selecting the latest report's free-shape buckets at least this large with nodes in them.
 * Bucket bounds are lower bounds, so a match certainly fits. `cpu` and `memory` are the parameter placeholders
 * (`:fitCpu` for the query builder, `$1` for raw SQL).
 */
export const freeShapeMatches = (cpu: string, memory: string) =>
  `FROM jsonb_array_elements(COALESCE(cluster.latest_report -> 'freeNodeShapes', CAST('[]' AS jsonb))) AS shape
  WHERE CAST(shape ->> 'cpuAtLeastMillicores' AS numeric) >= ${cpu}
    AND CAST(shape ->> 'memoryAtLeastBytes' AS numeric) >= ${memory}
    AND CAST(shape ->> 'nodes' AS integer) > 0`;
