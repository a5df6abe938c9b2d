import session from "express-session";
import type { DataSource } from "typeorm";
import type { Clock } from "../../clock.js";

type Callback = (error?: unknown) => void;

/**
 * express-session store backed by the `http_session` table: sessions survive restarts and every hub process
 * sees the same ones. Expired rows are ignored on read and deleted by `prune`.
 */
export class DatabaseSessionStore extends session.Store {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly defaultMaxAgeMs: number,
  ) {
    super();
  }

  private expiryOf(data: session.SessionData): Date {
    const expires = data.cookie?.expires;
    if (expires) return new Date(expires);
    return new Date(this.clock.now().getTime() + this.defaultMaxAgeMs);
  }

  override get(sid: string, callback: (error: unknown, data?: session.SessionData | null) => void): void {
    this.dataSource
      .query("SELECT data FROM http_session WHERE sid = $1 AND expires_at > $2", [sid, this.clock.now()])
      .then((rows: Array<{ data: session.SessionData }>) => callback(null, rows[0]?.data ?? null))
      .catch((error: unknown) => callback(error));
  }

  override set(sid: string, data: session.SessionData, callback?: Callback): void {
    this.dataSource
      .query(
        `INSERT INTO http_session (sid, data, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (sid) DO UPDATE SET data = EXCLUDED.data, expires_at = EXCLUDED.expires_at`,
        [sid, JSON.stringify(data), this.expiryOf(data)],
      )
      .then(() => callback?.())
      .catch((error: unknown) => callback?.(error));
  }

  override touch(sid: string, data: session.SessionData, callback?: Callback): void {
    this.dataSource
      .query("UPDATE http_session SET expires_at = $2 WHERE sid = $1", [sid, this.expiryOf(data)])
      .then(() => callback?.())
      .catch((error: unknown) => callback?.(error));
  }

  override destroy(sid: string, callback?: Callback): void {
    this.dataSource
      .query("DELETE FROM http_session WHERE sid = $1", [sid])
      .then(() => callback?.())
      .catch((error: unknown) => callback?.(error));
  }

  /** Deletes expired sessions; called periodically. */
  async prune(): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      "DELETE FROM http_session WHERE expires_at <= $1",
      [this.clock.now()],
    );
    return Array.isArray(result) ? Number(result[1] ?? 0) : 0;
  }
}
