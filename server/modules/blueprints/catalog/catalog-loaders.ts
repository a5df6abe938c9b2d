import DataLoader from "dataloader";
import { In } from "typeorm";
import type { GraphQLContext } from "../../../graphql/context.js";
import { type Cooperative, CooperativeEntity } from "../../cooperatives/cooperative.entity.js";
import { BlueprintEntity } from "../model/blueprint.entity.js";
import { type BlueprintVersion, BlueprintVersionEntity } from "../model/blueprint-version.entity.js";
import { type SignatureInfo, signatureInfos } from "../signing/signature-status.js";
import { VERIFIED_SQL } from "./list-blueprints.js";

/** The per-request loaders of the fields every catalog card asks for, so a page of 24 costs a few queries. */
export interface CatalogLoaders {
  /** Versions by id (a blueprint's latest version). */
  version: DataLoader<string, BlueprintVersion | null>;
  /** Publishing cooperatives by id. */
  cooperative: DataLoader<string, Cooperative | null>;
  /** Whether a blueprint (by id) is official or its latest version verified (`VERIFIED_SQL`). */
  verified: DataLoader<string, boolean>;
  /** Signature status by version id. */
  signature: DataLoader<string, SignatureInfo>;
}

const LOADERS = new WeakMap<GraphQLContext, CatalogLoaders>();

function create(context: GraphQLContext): CatalogLoaders {
  const manager = context.dataSource.manager;
  return {
    version: new DataLoader(async (ids) => {
      const rows = await manager.findBy(BlueprintVersionEntity, { id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    cooperative: new DataLoader(async (ids) => {
      const rows = await manager.findBy(CooperativeEntity, { id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    verified: new DataLoader(async (ids) => {
      const rows = await manager
        .createQueryBuilder(BlueprintEntity, "blueprint")
        .select("blueprint.id", "id")
        .where("blueprint.id IN (:...ids)", { ids: [...ids] })
        .andWhere(VERIFIED_SQL)
        .getRawMany<{ id: string }>();
      const verified = new Set(rows.map((row) => row.id));
      return ids.map((id) => verified.has(id));
    }),
    signature: new DataLoader(async (ids) => {
      const infos = await signatureInfos(manager, ids);
      return ids.map((id) => infos.get(id) as SignatureInfo);
    }),
  };
}

/** The request's catalog loaders (created on first use, forgotten with the request's context). */
export function catalogLoaders(context: GraphQLContext): CatalogLoaders {
  let loaders = LOADERS.get(context);
  if (!loaders) {
    loaders = create(context);
    LOADERS.set(context, loaders);
  }
  return loaders;
}
