import type { EntityManager } from "typeorm";
import { generateSecret, hashSecret } from "../../auth/secrets.js";
import { conflict } from "../../errors.js";
import { type Actor, recordAuditEvent } from "../audit/record-audit-event.js";
import { type ApiToken, ApiTokenEntity, type ApiTokenScope } from "./api-token.entity.js";

/** Prefix of personal API token secrets, so secret scanners and people recognise them. */
export const API_TOKEN_PREFIX = "ahp";
const DISPLAY_PREFIX_LENGTH = 10;

/** Creates a token and returns its secret once; only the hash is stored. */
export async function createApiToken(
  manager: EntityManager,
  actor: Actor & { personId: string },
  request: { name: string; scopes: ApiTokenScope[]; expiresInDays: number },
): Promise<{ apiToken: ApiToken; secret: string }> {
  const secret = generateSecret(API_TOKEN_PREFIX);
  const apiToken = await manager.save(ApiTokenEntity, {
    personId: actor.personId,
    name: request.name,
    scopes: [...new Set(request.scopes)].sort(),
    secretHash: hashSecret(secret),
    displayPrefix: secret.slice(0, DISPLAY_PREFIX_LENGTH),
    expiresAt: new Date(actor.now.getTime() + request.expiresInDays * 86_400_000),
  });
  await recordAuditEvent(manager, actor, {
    action: "api_token.created",
    targetType: "ApiToken",
    targetId: apiToken.id,
    data: { name: apiToken.name, scopes: apiToken.scopes, expiresAt: apiToken.expiresAt.toISOString() },
  });
  return { apiToken, secret };
}

/** Revokes a token; it stops working on its next use. */
export async function revokeApiToken(
  manager: EntityManager,
  actor: Actor,
  apiToken: ApiToken,
): Promise<ApiToken> {
  if (apiToken.revokedAt) throw conflict("This token is already revoked");
  apiToken.revokedAt = actor.now;
  const saved = await manager.save(ApiTokenEntity, apiToken);
  await recordAuditEvent(manager, actor, {
    action: "api_token.revoked",
    targetType: "ApiToken",
    targetId: apiToken.id,
    data: { name: apiToken.name },
  });
  return saved;
}
