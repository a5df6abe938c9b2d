import type { CapacityOffer, OfferWindow } from "./offer-types.js";

const GIB = 2 ** 30;

/** What the editor holds: amounts as typed (cores, GiB), other resources as `name=amount` lines in base units. */
export interface OfferFormState {
  cpuCores: string;
  memoryGi: string;
  ephemeralGi: string;
  pods: string;
  otherCaps: string;
  sharePercent: string;
  allowCooperatives: string[];
  allowTiers: string[];
  denyCooperatives: string[];
  denyTiers: string[];
  windows: OfferWindow[];
  preemptible: boolean;
  graceSeconds: string;
  paused: boolean;
}

const CORE = ["cpu", "memory", "ephemeral-storage", "pods"];

/** The editor's starting point: the current version's terms, or an empty, active offer. */
export function formStateOf(offer: CapacityOffer | null): OfferFormState {
  const cap = (resource: string) => offer?.caps.find((entry) => entry.resource === resource)?.amount;
  const scaled = (value: number | undefined, divisor: number) =>
    value === undefined ? "" : String(value / divisor);
  return {
    cpuCores: scaled(cap("cpu"), 1000),
    memoryGi: scaled(cap("memory"), GIB),
    ephemeralGi: scaled(cap("ephemeral-storage"), GIB),
    pods: scaled(cap("pods"), 1),
    otherCaps: (offer?.caps ?? [])
      .filter((entry) => !CORE.includes(entry.resource))
      .map((entry) => `${entry.resource}=${entry.amount}`)
      .join("\n"),
    sharePercent: offer?.freeSharePercent === null || !offer ? "" : String(offer.freeSharePercent),
    allowCooperatives: offer?.allow.cooperatives.map((cooperative) => cooperative.id) ?? [],
    allowTiers: offer?.allow.tiers ?? [],
    denyCooperatives: offer?.deny.cooperatives.map((cooperative) => cooperative.id) ?? [],
    denyTiers: offer?.deny.tiers ?? [],
    windows: offer?.windows ?? [],
    preemptible: offer?.preemptible ?? false,
    graceSeconds: offer ? String(offer.gracePeriodSeconds) : "300",
    paused: offer?.status === "PAUSED",
  };
}

// Typed numbers are sent as they are (NaN included) so the hub's validation names the field; only empty means "no cap".
function amount(text: string, factor: number): number | undefined {
  if (text.trim() === "") return undefined;
  return Math.round(Number(text) * factor);
}

/**
 * The `setCapacityOffer` input for the form: the complete terms of the next version. The hub validates; the form
 * only converts units, so its errors name the same paths (`caps.0.amount`, ...).
 */
export function inputOf(clusterId: string, state: OfferFormState, expectedVersion: number) {
  const caps: Array<{ resource: string; amount: number }> = [];
  const push = (resource: string, value: number | undefined) => {
    if (value !== undefined) caps.push({ resource, amount: value });
  };
  push("cpu", amount(state.cpuCores, 1000));
  push("memory", amount(state.memoryGi, GIB));
  push("ephemeral-storage", amount(state.ephemeralGi, GIB));
  push("pods", amount(state.pods, 1));
  for (const line of state.otherCaps.split("\n")) {
    const [resource, value] = line.split("=").map((part) => part.trim());
    if (resource) push(resource, Number(value ?? ""));
  }
  return {
    clusterId,
    caps,
    freeSharePercent: state.sharePercent.trim() === "" ? null : Number(state.sharePercent),
    allow: { cooperativeIds: state.allowCooperatives, tiers: state.allowTiers },
    deny: { cooperativeIds: state.denyCooperatives, tiers: state.denyTiers },
    windows: state.windows,
    preemptible: state.preemptible,
    gracePeriodSeconds: state.preemptible ? Number(state.graceSeconds || "0") : null,
    paused: state.paused,
    expectedVersion,
  };
}
