import { EntitySchema } from "typeorm";

/** A browser session, stored in the database so it survives restarts and is shared by every hub process. */
export interface HttpSession {
  sid: string;
  data: Record<string, unknown>;
  expiresAt: Date;
}

export const HttpSessionEntity = new EntitySchema<HttpSession>({
  name: "HttpSession",
  tableName: "http_session",
  columns: {
    sid: { type: "text", primary: true },
    data: { type: "jsonb" },
    expiresAt: { type: "timestamptz", name: "expires_at" },
  },
  indices: [{ name: "http_session_expires_idx", columns: ["expiresAt"] }],
});
