import { CooperativeEntity } from "../../cooperatives/cooperative.entity.js";
import { toGraphqlEnum } from "../../../graphql/enums.js";
import type { Resolvers } from "../../../graphql/generated/resolvers-types.js";
import { toGlobalId } from "../../../graphql/global-id.js";
import { downloadCounter } from "../catalog/download-counter.js";
import { countVersionDownloads } from "../catalog/download-counts.js";
import { runningOnLoader } from "../catalog/running-on.js";
import { listVersions } from "../catalog/find-version.js";
import { installInstructions } from "../catalog/install-instructions.js";
import { catalogLoaders } from "../catalog/catalog-loaders.js";
import { loadVersionSource } from "../catalog/version-source.js";
import { BlueprintEntity } from "../model/blueprint.entity.js";
import { KeyringEntryEntity } from "../model/keyring-entry.entity.js";
import { SigningKeyEntity } from "../model/signing-key.entity.js";

const upper = <T extends string>(value: T) => toGraphqlEnum(value);

/** Field resolvers of Blueprint, BlueprintVersion and SigningKey, and the blueprint fields of Cooperative. */
export const blueprintTypeResolvers: Resolvers = {
  Blueprint: {
    id: (blueprint) => toGlobalId("Blueprint", blueprint.id),
    kind: (blueprint) => upper(blueprint.kind),
    category: (blueprint) => upper(blueprint.category) as never,
    publisher: async (blueprint, _args, context) => {
      if (!blueprint.publisherCooperativeId)
        return { official: true, name: "The Alliance", cooperative: null };
      const cooperative = await catalogLoaders(context).cooperative.load(blueprint.publisherCooperativeId);
      return { official: false, name: cooperative?.name ?? "", cooperative };
    },
    verified: (blueprint, _args, context) => catalogLoaders(context).verified.load(blueprint.id),
    latestVersion: (blueprint, _args, context) =>
      blueprint.latestVersionId ? catalogLoaders(context).version.load(blueprint.latestVersionId) : null,
    versions: (blueprint, { includeYanked }, context) =>
      listVersions(context.dataSource.manager, blueprint.id, includeYanked ?? false),
    // The stored total plus what this process counted and has not flushed yet (download-counter.ts).
    downloadCount: (blueprint, _args, context) =>
      blueprint.downloadCount + downloadCounter(context.dataSource).pendingForBlueprint(blueprint.id),
    runningOn: async (blueprint, _args, context) => (await runningOnLoader(context).load(blueprint.id)).total,
  },
  BlueprintVersion: {
    id: (version) => toGlobalId("BlueprintVersion", version.id),
    blueprint: async (version, _args, context) =>
      context.dataSource.manager.findOneByOrFail(BlueprintEntity, { id: version.blueprintId }),
    title: (version) => version.manifest.title,
    description: (version) => version.manifest.description,
    license: (version) => version.manifest.license,
    keywords: (version) => version.manifest.keywords,
    maintainers: (version) => version.manifest.maintainers,
    links: (version) => version.manifest.links,
    changelog: (version) =>
      version.manifest.changelog.map((change) => ({
        ...change,
        kind: upper(change.kind),
        links: change.links ?? [],
      })),
    examples: (version) =>
      Object.entries(version.examples)
        .sort(([left], [right]) => (left < right ? -1 : 1))
        .map(([name, values]) => ({ name, values })),
    components: (version) => version.manifest.components,
    compatibility: (version) => version.manifest.compatibility,
    releaseDate: (version) => version.manifest.releaseDate ?? null,
    replacedBy: (version) => version.manifest.replacedBy ?? null,
    yanked: (version) => version.yankedAt !== null,
    digest: (version) => `sha256:${version.sourceSha256}`,
    contentDigest: (version) => `sha256:${version.contentSha256}`,
    sizeBytes: (version) => version.sourceSize,
    downloadPath: async (version, _args, context) => {
      const blueprint = await context.dataSource.manager.findOneByOrFail(BlueprintEntity, {
        id: version.blueprintId,
      });
      return `/api/blueprints/${blueprint.name}/${version.version}.tgz`;
    },
    signature: async (version, _args, context) => {
      const info = await catalogLoaders(context).signature.load(version.id);
      return { ...info, status: upper(info.status) };
    },
    viewerCanYank: async (version, _args, context) => {
      if (!context.viewer || version.yankedAt) return false;
      const blueprint = await context.dataSource.manager.findOneByOrFail(BlueprintEntity, {
        id: version.blueprintId,
      });
      return context.policy.can("blueprint.yank", {
        cooperativeId: blueprint.publisherCooperativeId ?? undefined,
      });
    },
    downloadCount: (version, _args, context) => countVersionDownloads(context.dataSource, version.id),
    runningOn: async (version, _args, context) =>
      (await runningOnLoader(context).load(version.blueprintId)).byVersion.get(version.version) ?? 0,
    installInstructions: async (version, _args, context) => {
      const manager = context.dataSource.manager;
      const blueprint = await manager.findOneByOrFail(BlueprintEntity, { id: version.blueprintId });
      const source = await loadVersionSource(manager, blueprint, version);
      return installInstructions(context.publicUrl, blueprint, version, {
        templatePaths: source.templates.map((template) => template.path),
      });
    },
  },
  SigningKey: {
    id: (key) => toGlobalId("SigningKey", key.id),
    cooperative: (key, _args, context) =>
      context.dataSource.manager.findOneBy(CooperativeEntity, { id: key.cooperativeId }),
    trusted: async (key, _args, context) =>
      !key.revokedAt &&
      (await context.dataSource.manager.existsBy(KeyringEntryEntity, { signingKeyId: key.id })),
  },
  Cooperative: {
    blueprints: (cooperative, _args, context) =>
      context.dataSource.manager.find(BlueprintEntity, {
        where: { publisherCooperativeId: cooperative.id },
        order: { name: "ASC" },
      }),
    blueprintSigningKeys: (cooperative, _args, context) =>
      context.dataSource.manager.find(SigningKeyEntity, {
        where: { cooperativeId: cooperative.id },
        order: { createdAt: "ASC" },
      }),
  },
};
