import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The key that signs session cookies. Production sets SESSION_SECRET; the embedded default keeps a generated one
 * under the data directory (mode 0600) so sessions survive restarts; an in-memory database gets a fresh one.
 */
export function resolveSessionSecret(
  configured: string | undefined,
  dataDir: string,
  inMemory: boolean,
): string {
  if (configured) return configured;
  if (inMemory) return randomBytes(32).toString("base64url");
  const file = join(dataDir, "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
