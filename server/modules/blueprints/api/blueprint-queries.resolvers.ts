import { In } from "typeorm";
import { pageSize } from "../../../graphql/connection.js";
import { fromGraphqlEnum } from "../../../graphql/enums.js";
import type { Resolvers } from "../../../graphql/generated/resolvers-types.js";
import { findVersion, findVersionOrThrow } from "../catalog/find-version.js";
import { type CatalogSort, listBlueprints } from "../catalog/list-blueprints.js";
import { renderVersion } from "../catalog/render-version.js";
import { compareVersions } from "../compare/compare-versions.js";
import { BlueprintEntity } from "../model/blueprint.entity.js";
import { KeyringEntryEntity } from "../model/keyring-entry.entity.js";
import { SigningKeyEntity } from "../model/signing-key.entity.js";
import { sha256OfBytes } from "../package/file-listing.js";

/** The public read side of blueprints: catalog, pages, rendering, comparison and the keyring. */
export const blueprintQueryResolvers: Resolvers = {
  Query: {
    blueprints: (_parent, { first, after, filter, sort }, context) =>
      listBlueprints(context.dataSource.manager, {
        first: pageSize(first),
        after,
        search: filter?.search?.trim().slice(0, 200) || undefined,
        category: filter?.category ? fromGraphqlEnum(filter.category) : undefined,
        kind: filter?.kind ? fromGraphqlEnum(filter.kind) : undefined,
        publisher: filter?.publisher?.trim().toLowerCase() || undefined,
        verified: filter?.verified ?? undefined,
        includeDeprecated: filter?.includeDeprecated ?? true,
        sort: fromGraphqlEnum(sort ?? "NAME") as CatalogSort,
      }),
    blueprint: async (_parent, { name }, context) => {
      const blueprint = await context.dataSource.manager.findOneBy(BlueprintEntity, { name });
      return blueprint ?? null;
    },
    blueprintVersion: async (_parent, { name, version }, context) =>
      (await findVersion(context.dataSource.manager, name, version))?.version ?? null,
    renderBlueprint: async (_parent, { name, version, parameters }, context) => {
      const found = await findVersionOrThrow(context.dataSource.manager, name, version);
      const render = await renderVersion(
        context.dataSource.manager,
        found.blueprint,
        found.version,
        parameters,
      );
      return {
        files: render.bundle.files.map((file) => ({ ...file, sha256: sha256OfBytes(file.content) })),
        sha256sums: render.bundle.sha256sums,
        bundleDigest: `sha256:${render.archive.sha256}`,
        parameters: render.parameters,
      };
    },
    compareBlueprintVersions: async (_parent, { name, from, to }, context) => {
      const manager = context.dataSource.manager;
      const before = await findVersionOrThrow(manager, name, from);
      const after = await findVersionOrThrow(manager, name, to);
      const comparison = await compareVersions(manager, before.blueprint, before.version, after.version);
      return {
        from: before.version,
        to: after.version,
        ...comparison,
        schemaChanges: comparison.schemaChanges.map((change) => ({
          ...change,
          kind: change.kind.toUpperCase() as never,
        })),
      };
    },
    blueprintKeyring: async (_parent, _args, context) => {
      const entries = await context.dataSource.manager.find(KeyringEntryEntity, {
        order: { createdAt: "ASC" },
      });
      if (entries.length === 0) return [];
      const keys = await context.dataSource.manager.findBy(SigningKeyEntity, {
        id: In(entries.map((entry) => entry.signingKeyId)),
      });
      const byId = new Map(keys.map((key) => [key.id, key]));
      return entries.flatMap((entry) => {
        const key = byId.get(entry.signingKeyId);
        return key && !key.revokedAt ? [key] : [];
      });
    },
  },
};
