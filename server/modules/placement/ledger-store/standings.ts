import type { EntityManager } from "typeorm";
import { type Cooperative, CooperativeEntity } from "../../cooperatives/cooperative.entity.js";
import { fairShareFactor } from "../ledger/fair-share.js";
import { decayedUsageOf } from "./fair-share-of.js";

/** One cooperative's decayed S (provided) and U (used), and F = 2^(-U/S). */
export interface FairShareStandingData {
  cooperative: Cooperative;
  provided: number;
  used: number;
  factor: number;
}

/**
 * The standings of every approved cooperative at `now`, highest F first (the order the queue serves), then by
 * name: two queries, whatever the number of cooperatives.
 */
export async function fairShareStandings(
  manager: EntityManager,
  now: Date,
): Promise<FairShareStandingData[]> {
  const cooperatives = await manager.find(CooperativeEntity, {
    where: { status: "approved" },
    order: { name: "ASC" },
  });
  const usage = await decayedUsageOf(
    manager,
    cooperatives.map((cooperative) => cooperative.id),
    now,
  );
  return cooperatives
    .map((cooperative) => {
      const { provided, used } = usage.get(cooperative.id) ?? { provided: 0, used: 0 };
      return { cooperative, provided, used, factor: fairShareFactor({ provided, used }) };
    })
    .sort((a, b) => b.factor - a.factor || a.cooperative.name.localeCompare(b.cooperative.name));
}
