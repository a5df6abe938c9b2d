import type { EntityManager } from "typeorm";
import { stripHighlightMarkers } from "../../search/core/index.js";
import type { SearchDocument } from "../../search/core/search-provider.js";
import type { SearchSource } from "../../search/search-sources.js";
import { type Blueprint, BlueprintEntity } from "../model/blueprint.entity.js";
import { searchIndexerFor } from "../../search/search-indexer.js";
import { BlueprintVersionEntity } from "../model/blueprint-version.entity.js";

const plain = (text: string) => stripHighlightMarkers(text);

/** The search document of one blueprint (its latest version), or undefined when it has no live version. */
async function blueprintDocument(
  manager: EntityManager,
  blueprint: Blueprint,
  slugs: ReadonlyMap<string, string>,
): Promise<SearchDocument | undefined> {
  if (!blueprint.latestVersionId) return undefined;
  const version = await manager.findOneBy(BlueprintVersionEntity, { id: blueprint.latestVersionId });
  if (!version) return undefined;
  const cooperativeId = blueprint.publisherCooperativeId ?? undefined;
  return {
    type: "blueprint",
    id: blueprint.id,
    title: plain(blueprint.title),
    headings: [blueprint.name],
    body: plain(`${blueprint.description}\n\n${version.readme}`),
    url: `/blueprints/${blueprint.name}`,
    ...(cooperativeId ? { cooperativeId, cooperativeSlug: slugs.get(cooperativeId) } : {}),
    tags: blueprint.keywords,
    createdAt: blueprint.createdAt,
    updatedAt: blueprint.updatedAt,
    visibility: { public: true },
  };
}

/**
 * Keeps one blueprint's search document current after a publish or a yank, in the caller's transaction: indexed
 * while it has a live version, removed when it has none.
 */
export async function indexBlueprint(manager: EntityManager, blueprintId: string, now: Date): Promise<void> {
  const blueprint = await manager.findOneBy(BlueprintEntity, { id: blueprintId });
  const indexer = searchIndexerFor(manager);
  const slugs = new Map<string, string>();
  if (blueprint?.publisherCooperativeId) {
    const [row] = (await manager.query("SELECT slug FROM cooperative WHERE id = $1", [
      blueprint.publisherCooperativeId,
    ])) as Array<{ slug: string }>;
    if (row) slugs.set(blueprint.publisherCooperativeId, row.slug);
  }
  const document = blueprint ? await blueprintDocument(manager, blueprint, slugs) : undefined;
  if (document) await indexer.index(manager, [document], now);
  else await indexer.remove(manager, [{ type: "blueprint", id: blueprintId }], now);
}

/**
 * Blueprints for the hub's search, one document per live blueprint (its latest version): title, description,
 * README text and keywords as tags, under the publisher's cooperative. Blueprints whose versions are all yanked are
 * not searchable, as they are not in the catalog.
 */
export const blueprintSearchSource: SearchSource = {
  name: "blueprints",
  count: (manager: EntityManager) =>
    manager
      .createQueryBuilder(BlueprintEntity, "blueprint")
      .where("blueprint.latest_version_id IS NOT NULL")
      .getCount(),
  async *documents(manager: EntityManager): AsyncIterable<SearchDocument> {
    const blueprints = await manager
      .createQueryBuilder(BlueprintEntity, "blueprint")
      .where("blueprint.latest_version_id IS NOT NULL")
      .orderBy("blueprint.name")
      .getMany();
    const slugs = new Map<string, string>(
      (
        (await manager.query(
          "SELECT id, slug FROM cooperative WHERE id IN (SELECT publisher_cooperative_id FROM blueprint)",
        )) as Array<{
          id: string;
          slug: string;
        }>
      ).map((row) => [row.id, row.slug]),
    );
    for (const blueprint of blueprints) {
      const document = await blueprintDocument(manager, blueprint, slugs);
      if (document) yield document;
    }
  },
};
