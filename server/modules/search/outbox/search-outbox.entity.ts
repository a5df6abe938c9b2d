import { EntitySchema } from "typeorm";

/**
 * A change waiting to reach an external search engine, written in the same transaction as the content change, so
 * nothing is lost while the engine is away. Delivered in id order, with retries and backoff.
 */
export interface SearchOutboxRow {
  id: string;
  operation: "index" | "remove";
  payload: unknown;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
}

export const SearchOutboxEntity = new EntitySchema<SearchOutboxRow>({
  name: "SearchOutbox",
  tableName: "search_outbox",
  columns: {
    id: { type: "bigint", primary: true, generated: "increment" },
    operation: { type: "text" },
    payload: { type: "jsonb" },
    attempts: { type: "integer", default: 0 },
    nextAttemptAt: { type: "timestamptz", name: "next_attempt_at" },
    lastError: { type: "text", name: "last_error", nullable: true },
    createdAt: { type: "timestamptz", name: "created_at" },
  },
  indices: [{ name: "search_outbox_due_idx", columns: ["nextAttemptAt", "id"] }],
  checks: [{ name: "search_outbox_operation_check", expression: "operation IN ('index', 'remove')" }],
});
