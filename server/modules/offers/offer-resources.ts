/**
 * Resource names an offer may cap, in the scheduler's units, and the largest amount that still makes sense for one
 * cluster (anything above is a typo in units, e.g. bytes entered as kilobytes). Names follow the cluster report:
 * `cpu` millicores, `memory`, `ephemeral-storage` and `storage:<class>` bytes, `pods`, `gpu:<model>` devices.
 */
const PIB = 2 ** 50;

interface ResourceKind {
  pattern: RegExp;
  max: number;
  unit: string;
}

// Storage classes and GPU models are Kubernetes names: lowercase DNS subdomains; GPU models may contain dots.
const QUALIFIER = "[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?";

const KINDS: ResourceKind[] = [
  { pattern: /^cpu$/, max: 100_000_000, unit: "millicores" },
  { pattern: /^memory$/, max: 100 * PIB, unit: "bytes" },
  { pattern: /^ephemeral-storage$/, max: 100 * PIB, unit: "bytes" },
  { pattern: new RegExp(`^storage:${QUALIFIER}$`), max: 100 * PIB, unit: "bytes" },
  { pattern: /^pods$/, max: 10_000_000, unit: "pods" },
  { pattern: new RegExp(`^gpu:${QUALIFIER}$`), max: 1_000_000, unit: "devices" },
];

/** The rule for a resource name, or undefined for an unknown resource. */
export function resourceKind(resource: string): ResourceKind | undefined {
  return KINDS.find((kind) => kind.pattern.test(resource));
}

/** Human description of the accepted names, for error messages. */
export const RESOURCE_NAMES_HELP = "cpu, memory, ephemeral-storage, pods, storage:<class> or gpu:<model>";
