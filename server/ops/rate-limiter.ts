import type { DataSource } from "typeorm";
import type { Clock } from "../clock.js";

export interface RateLimitDecision {
  allowed: boolean;
  /** Seconds until the current window ends. */
  retryAfterSeconds: number;
  hits: number;
}

/**
 * Fixed-window rate limits counted in the database, so every hub process sharing it enforces one limit.
 * One upsert per hit; old windows are pruned periodically.
 */
export class RateLimiter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitDecision> {
    const now = this.clock.now().getTime();
    const windowMs = windowSeconds * 1000;
    const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
    const rows: Array<{ hits: number }> = await this.dataSource.query(
      `INSERT INTO rate_limit_bucket (key, window_start, hits) VALUES ($1, $2, 1)
       ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_bucket.hits + 1
       RETURNING hits`,
      [key, windowStart],
    );
    const hits = Number(rows[0]?.hits ?? 1);
    const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now) / 1000));
    return { allowed: hits <= limit, retryAfterSeconds, hits };
  }

  /** Deletes windows that ended more than an hour ago. */
  async prune(): Promise<void> {
    await this.dataSource.query("DELETE FROM rate_limit_bucket WHERE window_start < $1", [
      new Date(this.clock.now().getTime() - 3_600_000),
    ]);
  }
}
