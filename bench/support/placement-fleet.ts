/**
 * The shape of the placement benchmark's alliance, decided here once so the SQL seed and the in-process scheduler
 * measurement see the same fleet. Deterministic: cluster `index` always gets the same cooperative, labels, report
 * and offer.
 */

/** Where clusters stand: the registry's standard labels (`country`, `jurisdiction`, `region`). */
export const RESIDENCIES = [
  { country: "DE", jurisdiction: "EU", regions: ["berlin", "frankfurt", "leipzig", "munich"] },
  { country: "FR", jurisdiction: "EU", regions: ["paris", "lyon", "lille"] },
  { country: "NL", jurisdiction: "EU", regions: ["amsterdam", "rotterdam"] },
  { country: "ES", jurisdiction: "EU", regions: ["madrid", "barcelona"] },
  { country: "IT", jurisdiction: "EU", regions: ["milan", "rome"] },
  { country: "AT", jurisdiction: "EU", regions: ["vienna"] },
  { country: "PT", jurisdiction: "EU", regions: ["lisbon", "porto"] },
  { country: "CH", jurisdiction: "CH", regions: ["zurich", "geneva"] },
  { country: "NO", jurisdiction: "EEA", regions: ["oslo"] },
  { country: "GB", jurisdiction: "UK", regions: ["london", "manchester"] },
] as const;

/**
 * The scarce part of the fleet: 10 clusters, whatever the fleet's size, stand in Iceland with a small capped offer
 * (20 CPUs in all), so requests limited to `country: IS` run out within seconds and the over-commit check has teeth.
 */
export const SCARCE_COUNTRY = "IS";
export const SCARCE_CLUSTERS = 10;
export const SCARCE_CAPS = { cpu: 2_000, memory: 4 * 1024 ** 3 };

/** Node counts of the simulated clusters the reports come from (the agent's own report code, see the seed). */
export const TEMPLATE_NODE_COUNTS = [4, 6, 8, 12, 16, 24, 32, 48];
export const TEMPLATE_COUNT = 40;

const TIERS = ["alliance_partner", "tcc_member", "vendor"] as const;

/** What one cluster's current offer says (in the stored shape of `capacity_offer`). */
export interface FleetOffer {
  caps: Record<string, number>;
  freeSharePercent: number | null;
  allow: { cooperatives: string[]; tiers: string[] };
  deny: { cooperatives: string[]; tiers: string[] };
  windows: Array<{ days: number[]; start: string; end: string; timeZone: string }>;
  preemptible: boolean;
}

/** One cluster of the fleet. */
export interface FleetCluster {
  index: number;
  /** Index into the fleet's cooperatives. */
  cooperative: number;
  labels: Record<string, string>;
  /** Index into the report templates. */
  template: number;
  /** Absent: not offered (only its owner may use it). */
  offer?: FleetOffer;
  scarce: boolean;
}

/** 50 to 200 cooperatives, about one per hundred clusters. */
export function cooperativeCountFor(clusters: number): number {
  return Math.max(50, Math.min(200, Math.round(clusters / 100)));
}

/** The tier of cooperative `index` (stored lowercase, as the cooperative table keeps it). */
export const tierOf = (index: number) => TIERS[index % TIERS.length];

const scarceStride = (clusters: number) => Math.max(1, Math.floor(clusters / SCARCE_CLUSTERS));

const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];

function offerFor(index: number): FleetOffer | undefined {
  const kind = index % 20;
  if (kind === 19) return undefined; // 5% are not offered at all
  const offer: FleetOffer = {
    caps: {},
    freeSharePercent: 50,
    allow: { cooperatives: [], tiers: [] },
    deny: { cooperatives: [], tiers: [] },
    windows: [],
    preemptible: kind % 5 === 0,
  };
  if (kind % 3 === 0)
    offer.caps = { cpu: 32_000 + (index % 7) * 8_000, memory: (64 + (index % 5) * 32) * 1024 ** 3 };
  if (kind === 4) offer.freeSharePercent = null; // caps or cluster only
  if (kind === 7) offer.allow.tiers = ["alliance_partner", "tcc_member"];
  if (kind === 11) offer.deny.tiers = ["vendor"];
  // Open every day in Berlin time: evaluated on every decision, closed for nobody.
  if (kind % 4 === 1)
    offer.windows = [{ days: EVERY_DAY, start: "00:00", end: "24:00", timeZone: "Europe/Berlin" }];
  return offer;
}

/** Cluster `index` of a fleet of `clusters`. */
export function fleetCluster(index: number, clusters: number): FleetCluster {
  const cooperatives = cooperativeCountFor(clusters);
  // Mixed so that neighbouring indexes land in different cooperatives and countries.
  const cooperative = (index * 7919) % cooperatives;
  const scarce = index % scarceStride(clusters) === scarceStride(clusters) - 1;
  if (scarce) {
    return {
      index,
      cooperative,
      labels: { country: SCARCE_COUNTRY, jurisdiction: "EEA", region: "reykjavik" },
      template: index % TEMPLATE_COUNT,
      scarce,
      offer: {
        caps: { ...SCARCE_CAPS },
        freeSharePercent: 100,
        allow: { cooperatives: [], tiers: [] },
        deny: { cooperatives: [], tiers: [] },
        windows: [],
        preemptible: false,
      },
    };
  }
  const residency = RESIDENCIES[(index * 31) % RESIDENCIES.length];
  const labels: Record<string, string> = {
    country: residency.country,
    jurisdiction: residency.jurisdiction,
    region: residency.regions[index % residency.regions.length],
  };
  if (index % 3 === 0) labels.storage = "ssd";
  return { index, cooperative, labels, template: index % TEMPLATE_COUNT, offer: offerFor(index), scarce };
}
