/** The offer fields the cluster page shows and edits. */
export const OFFER_FIELDS = `id version current status freeSharePercent preemptible gracePeriodSeconds openNow createdAt
  caps { resource amount }
  allow { cooperatives { id name } tiers } deny { cooperatives { id name } tiers }
  windows { days start end timeZone }
  overrun { resource amount }
  residency { country jurisdiction region }
  createdBy { name }`;

export interface ResourceAmount {
  resource: string;
  amount: number;
}

export interface OfferAudience {
  cooperatives: Array<{ id: string; name: string }>;
  tiers: string[];
}

export interface OfferWindow {
  days: number[];
  start: string;
  end: string;
  timeZone: string;
}

export interface CapacityOffer {
  id: string;
  version: number;
  current: boolean;
  status: "ACTIVE" | "PAUSED" | "WITHDRAWN";
  freeSharePercent: number | null;
  preemptible: boolean;
  gracePeriodSeconds: number;
  openNow: boolean;
  createdAt: string;
  caps: ResourceAmount[];
  allow: OfferAudience;
  deny: OfferAudience;
  windows: OfferWindow[];
  overrun: ResourceAmount[];
  residency: { country: string | null; jurisdiction: string | null; region: string | null };
  createdBy: { name: string } | null;
}

export const TIERS = ["ALLIANCE_PARTNER", "TCC_MEMBER", "VENDOR"] as const;
export const TIER_NAMES: Record<string, string> = {
  ALLIANCE_PARTNER: "Alliance partners",
  TCC_MEMBER: "TCC members",
  VENDOR: "Vendors",
};
export const DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

const GIB = 2 ** 30;

/** An amount in the unit people read: cores, GiB, or a count. */
export function formatAmount({ resource, amount }: ResourceAmount): string {
  if (resource === "cpu") return `${amount / 1000} cores`;
  if (resource === "memory" || resource.includes("storage"))
    return `${Math.round((amount / GIB) * 10) / 10} GiB`;
  return String(amount);
}
