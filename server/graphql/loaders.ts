import DataLoader from "dataloader";
import { type DataSource, In } from "typeorm";
import { type MemberCluster, MemberClusterEntity } from "../modules/clusters/member-cluster.entity.js";
import { type Cooperative, CooperativeEntity } from "../modules/cooperatives/cooperative.entity.js";
import { type Person, PersonEntity } from "../modules/people/person.entity.js";

/** Batches lookups by ID within one request. Created per request so nothing leaks between viewers. */
export interface Loaders {
  personById: DataLoader<string, Person | null>;
  cooperativeById: DataLoader<string, Cooperative | null>;
  memberCountByCooperative: DataLoader<string, number>;
  /** Clusters of listed capacity offers (one query per page of offers, not one per offer). */
  memberClusterById: DataLoader<string, MemberCluster | null>;
}

function byId<T extends { id: string }>(rows: T[], ids: readonly string[]): Array<T | null> {
  const index = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => index.get(id) ?? null);
}

export function createLoaders(dataSource: DataSource): Loaders {
  return {
    personById: new DataLoader(async (ids) =>
      byId(await dataSource.manager.findBy(PersonEntity, { id: In([...ids]) }), ids),
    ),
    cooperativeById: new DataLoader(async (ids) =>
      byId(await dataSource.manager.findBy(CooperativeEntity, { id: In([...ids]) }), ids),
    ),
    memberCountByCooperative: new DataLoader(async (ids) => {
      const rows: Array<{ cooperative_id: string; count: string }> = await dataSource.query(
        "SELECT cooperative_id, count(*) AS count FROM membership WHERE cooperative_id = ANY($1) GROUP BY cooperative_id",
        [[...ids]],
      );
      const counts = new Map(rows.map((row) => [row.cooperative_id, Number(row.count)]));
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    memberClusterById: new DataLoader(async (ids) =>
      byId(await dataSource.manager.findBy(MemberClusterEntity, { id: In([...ids]) }), ids),
    ),
  };
}
