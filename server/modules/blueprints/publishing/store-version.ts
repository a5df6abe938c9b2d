import type { EntityManager } from "typeorm";
import { conflict } from "../../../errors.js";
import { type Actor, recordAuditEvent } from "../../audit/record-audit-event.js";
import { type Blueprint, BlueprintEntity, type StoredBlueprintKind } from "../model/blueprint.entity.js";
import {
  type BlueprintOrigin,
  type BlueprintVersion,
  BlueprintVersionEntity,
} from "../model/blueprint-version.entity.js";
import type { PreparedVersion } from "./prepare-version.js";
import { refreshLatest } from "./refresh-latest.js";

/** Maps the manifest kind to the stored one. */
export const storedKind = (kind: "ClusterBlueprint" | "AppBlueprint"): StoredBlueprintKind =>
  kind === "ClusterBlueprint" ? "cluster_blueprint" : "app_blueprint";

export interface StoreVersionOptions {
  /** The publishing cooperative, or null for the alliance (content from the repository). */
  publisherCooperativeId: string | null;
  origin: BlueprintOrigin;
  actor: Actor;
}

export interface StoreVersionResult {
  status: "created" | "unchanged";
  blueprint: Blueprint;
  version: BlueprintVersion;
}

/**
 * Stores one prepared version in the caller's transaction. Versions are immutable: the same version with the same
 * content (equal `SHA256SUMS`) changes nothing and reports "unchanged"; with other content it is a CONFLICT
 * (`VERSION_EXISTS`). A name belongs to its first publisher (`NAME_TAKEN`) and keeps its kind (`KIND_CHANGED`).
 */
export async function storeVersion(
  manager: EntityManager,
  prepared: PreparedVersion,
  options: StoreVersionOptions,
): Promise<StoreVersionResult> {
  const { manifest } = prepared;
  const kind = storedKind(manifest.kind);
  let blueprint = await manager.findOneBy(BlueprintEntity, { name: manifest.name });
  if (blueprint && blueprint.publisherCooperativeId !== options.publisherCooperativeId) {
    throw conflict(`The blueprint name "${manifest.name}" belongs to another publisher`, {
      reason: "NAME_TAKEN",
      field: "input.tarball",
    });
  }
  if (blueprint && blueprint.kind !== kind) {
    throw conflict(
      `"${manifest.name}" is a ${blueprint.kind === "app_blueprint" ? "AppBlueprint" : "ClusterBlueprint"}; a version cannot change its kind`,
      {
        reason: "KIND_CHANGED",
        field: "input.tarball",
      },
    );
  }
  if (blueprint) {
    const existing = await manager.findOneBy(BlueprintVersionEntity, {
      blueprintId: blueprint.id,
      version: manifest.version,
    });
    if (existing) {
      if (existing.contentSha256 === prepared.contentSha256)
        return { status: "unchanged", blueprint, version: existing };
      throw conflict(
        `${manifest.name} ${manifest.version} is already published with other content; versions are immutable, publish a new version`,
        {
          reason: "VERSION_EXISTS",
          field: "input.tarball",
          existingContentSha256: existing.contentSha256,
        },
      );
    }
  } else {
    blueprint = await manager.save(BlueprintEntity, {
      name: manifest.name,
      kind,
      publisherCooperativeId: options.publisherCooperativeId,
      title: manifest.title,
      description: manifest.description,
      category: manifest.category,
      keywords: manifest.keywords,
      deprecated: manifest.deprecated,
    });
  }
  const version = await manager.save(BlueprintVersionEntity, {
    blueprintId: blueprint.id,
    version: manifest.version,
    manifest,
    parameterSchema: prepared.parameterSchema,
    examples: prepared.examples,
    readme: prepared.readme,
    readmeHtml: prepared.readmeHtml,
    deprecated: manifest.deprecated,
    prerelease: manifest.prerelease,
    containsSecurityUpdates: manifest.containsSecurityUpdates,
    sourceTarball: prepared.sourceTarball,
    sourceSha256: prepared.sourceSha256,
    sourceSize: prepared.sourceTarball.length,
    contentSha256: prepared.contentSha256,
    fileCount: prepared.fileCount,
    chartTarball: prepared.chart?.bytes ?? null,
    chartSha256: prepared.chart?.sha256 ?? null,
    origin: options.origin,
    publishedById: options.actor.personId,
    yankedAt: null,
    yankReason: null,
    yankedById: null,
  });
  await refreshLatest(manager, blueprint.id, options.actor.now);
  await recordAuditEvent(manager, options.actor, {
    action: "blueprint.version_published",
    targetType: "BlueprintVersion",
    targetId: version.id,
    cooperativeId: options.publisherCooperativeId,
    data: {
      name: manifest.name,
      version: manifest.version,
      sourceSha256: prepared.sourceSha256,
      origin: options.origin,
    },
  });
  const stored = await manager.findOneByOrFail(BlueprintEntity, { id: blueprint.id });
  return { status: "created", blueprint: stored, version };
}
