import type { DataSource } from "typeorm";

/** How long a generation read from the database is trusted before it is read again. */
export const GENERATION_TTL_MS = 1000;

/**
 * A fingerprint of every published version and its yank state, from one aggregate query. Versions are immutable
 * and never deleted, so a publish (count, newest creation) or a yank (yanked count, newest yank) in any hub
 * process changes it.
 */
async function readGeneration(dataSource: DataSource): Promise<string> {
  const [row] = await dataSource.query(
    `SELECT count(*)::int AS versions, count(yanked_at)::int AS yanked,
            COALESCE(max(created_at), 'epoch')::text AS created, COALESCE(max(yanked_at), 'epoch')::text AS last_yank
       FROM blueprint_version`,
  );
  return `${row.versions}/${row.yanked}/${row.created}/${row.last_yank}`;
}

/**
 * The catalog generation of one database, as this process knows it: read at most once per second (concurrent
 * callers share one query), and forgotten at once by {@link invalidateCatalog} after a publish or yank here. Caches
 * of derived documents (the Helm index, downloadable artifacts) keep the generation they were built from and are
 * rebuilt when it moves, so another process's change shows here within a second.
 */
export class CatalogGeneration {
  private value: string | undefined;
  private checkedAtMs = 0;
  private reading: Promise<string> | undefined;
  /** Bumped by each invalidation: a read that started before it must not store its (possibly older) answer. */
  private epoch = 0;

  constructor(private readonly dataSource: DataSource) {}

  /** The current generation; `nowMs` comes from the caller's clock. */
  current(nowMs: number): Promise<string> {
    if (this.value !== undefined && nowMs - this.checkedAtMs < GENERATION_TTL_MS)
      return Promise.resolve(this.value);
    if (this.reading) return this.reading;
    const epoch = this.epoch;
    const reading = readGeneration(this.dataSource)
      .then((value) => {
        if (epoch === this.epoch) {
          this.value = value;
          this.checkedAtMs = nowMs;
        }
        return value;
      })
      .finally(() => {
        if (this.reading === reading) this.reading = undefined;
      });
    this.reading = reading;
    return reading;
  }

  /** Forgets the known generation: the next caller reads it again. */
  invalidate(): void {
    this.value = undefined;
    this.reading = undefined;
    this.epoch += 1;
  }
}

const GENERATIONS = new WeakMap<DataSource, CatalogGeneration>();

/** The generation tracker of a database connection (one per hub: tests run several hubs in one process). */
export function catalogGeneration(dataSource: DataSource): CatalogGeneration {
  let generation = GENERATIONS.get(dataSource);
  if (!generation) {
    generation = new CatalogGeneration(dataSource);
    GENERATIONS.set(dataSource, generation);
  }
  return generation;
}

/** Call after a publish or yank committed in this process: its caches are rebuilt on the next request. */
export function invalidateCatalog(dataSource: DataSource): void {
  catalogGeneration(dataSource).invalidate();
}
