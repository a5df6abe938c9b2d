import type { DataSource } from "typeorm";
import { sha256OfBytes } from "../package/file-listing.js";
import { catalogGeneration } from "./catalog-generation.js";

/** Which stored archive of a version: the source tarball or the Helm chart. */
export type StoredArtifactKind = "source" | "chart";

/** A stored archive held in memory, checked against its ingest digest when it was loaded. */
export interface CachedArtifact {
  blueprintId: string;
  versionId: string;
  name: string;
  version: string;
  bytes: Buffer;
  /** sha256 (hex) recorded at ingest, equal to the digest of `bytes` (checked at load). */
  sha256: string;
  yankedAt: Date | null;
  yankReason: string | null;
}

/**
 * The stored bytes of an archive no longer hash to the digest recorded at ingest (damaged storage or a bypassed
 * immutability trigger). Such bytes are never served: the download routes answer 500 with this message.
 */
export class CorruptArtifactError extends Error {
  constructor(
    readonly kind: StoredArtifactKind,
    readonly blueprintName: string,
    readonly version: string,
  ) {
    super(
      `The stored ${kind} archive of ${blueprintName} ${version} is corrupt: its bytes do not match the sha256 recorded at publish, so it is not served. The hub's operators must restore it from a backup.`,
    );
    this.name = "CorruptArtifactError";
  }
}

/** Archives are at most 10 MiB; this keeps the hottest few dozen of them, or hundreds of typical ones. */
const BUDGET_BYTES = 64 * 1024 * 1024;

const COLUMNS: Record<StoredArtifactKind, { bytes: string; sha256: string }> = {
  source: { bytes: "source_tarball", sha256: "source_sha256" },
  chart: { bytes: "chart_tarball", sha256: "chart_sha256" },
};

async function load(
  dataSource: DataSource,
  kind: StoredArtifactKind,
  name: string,
  version: string,
): Promise<CachedArtifact | undefined> {
  const { bytes, sha256 } = COLUMNS[kind];
  const [row] = await dataSource.query(
    `SELECT v.id, v.blueprint_id, v.version, v.${bytes} AS bytes, v.${sha256} AS sha256, v.yanked_at, v.yank_reason
       FROM blueprint_version v JOIN blueprint b ON b.id = v.blueprint_id
      WHERE b.name = $1 AND v.version = $2 AND v.${sha256} IS NOT NULL`,
    [name, version],
  );
  if (!row) return undefined;
  // PGlite hands bytea back as a Uint8Array, node-postgres as a Buffer.
  const buffer = Buffer.from(row.bytes as Uint8Array);
  // The bytes are what was hashed at ingest; checked once here, so every response from memory is checked bytes.
  if (sha256OfBytes(buffer) !== row.sha256) throw new CorruptArtifactError(kind, name, version);
  return {
    blueprintId: row.blueprint_id,
    versionId: row.id,
    name,
    version: row.version,
    bytes: buffer,
    sha256: row.sha256,
    yankedAt: row.yanked_at ? new Date(row.yanked_at) : null,
    yankReason: row.yank_reason ?? null,
  };
}

/**
 * Downloadable archives of one database, in memory (least recently used first out, 64 MiB at most). Versions are
 * immutable, so the bytes never go stale; the yank state can, so the whole cache is dropped when the catalog
 * generation moves (at once after a yank here, within a second after one elsewhere). Misses for the same file
 * share one query.
 */
export class ArtifactCache {
  private readonly entries = new Map<string, CachedArtifact>();
  private readonly loading = new Map<string, Promise<CachedArtifact | undefined>>();
  private generation: string | undefined;
  private bytes = 0;

  constructor(private readonly dataSource: DataSource) {}

  /** The archive, or undefined when no such version (or no chart of it) exists. */
  async get(
    kind: StoredArtifactKind,
    name: string,
    version: string,
    nowMs: number,
  ): Promise<CachedArtifact | undefined> {
    const generation = await catalogGeneration(this.dataSource).current(nowMs);
    if (generation !== this.generation) {
      this.entries.clear();
      this.bytes = 0;
      this.generation = generation;
    }
    const key = `${kind}/${name}/${version}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    let pending = this.loading.get(key);
    if (!pending) {
      pending = load(this.dataSource, kind, name, version).finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    const loaded = await pending;
    if (loaded && this.generation === generation && !this.entries.has(key)) this.remember(key, loaded);
    return loaded;
  }

  private remember(key: string, artifact: CachedArtifact): void {
    if (artifact.bytes.length > BUDGET_BYTES / 4) return;
    this.entries.set(key, artifact);
    this.bytes += artifact.bytes.length;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= BUDGET_BYTES) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes.length;
    }
  }
}

const CACHES = new WeakMap<DataSource, ArtifactCache>();

/** The artifact cache of a database connection (one per hub). */
export function artifactCache(dataSource: DataSource): ArtifactCache {
  let cache = CACHES.get(dataSource);
  if (!cache) {
    cache = new ArtifactCache(dataSource);
    CACHES.set(dataSource, cache);
  }
  return cache;
}
