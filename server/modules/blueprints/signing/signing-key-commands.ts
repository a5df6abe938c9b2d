import type { EntityManager } from "typeorm";
import { badUserInput, conflict, notFound } from "../../../errors.js";
import { type Actor, recordAuditEvent } from "../../audit/record-audit-event.js";
import { KeyringEntryEntity } from "../model/keyring-entry.entity.js";
import { type SigningKey, SigningKeyEntity } from "../model/signing-key.entity.js";
import { parseEd25519PublicKey } from "./ed25519.js";

/** Registers an Ed25519 public key for a cooperative. A key is registered once, hub-wide (CONFLICT otherwise). */
export async function registerSigningKey(
  manager: EntityManager,
  actor: Actor & { personId: string },
  input: { cooperativeId: string; name: string; publicKey: string },
): Promise<SigningKey> {
  const parsed = parseEd25519PublicKey(input.publicKey);
  if (!parsed)
    throw badUserInput("publicKey is not an Ed25519 public key", [
      { field: "input.publicKey", message: "must be an Ed25519 public key (PEM or 32 bytes in base64)" },
    ]);
  if (await manager.existsBy(SigningKeyEntity, { fingerprint: parsed.fingerprint }))
    throw conflict("This key is already registered", { reason: "KEY_REGISTERED", field: "input.publicKey" });
  const key = await manager.save(SigningKeyEntity, {
    cooperativeId: input.cooperativeId,
    name: input.name,
    publicKey: parsed.raw.toString("base64"),
    fingerprint: parsed.fingerprint,
    createdById: actor.personId,
    revokedAt: null,
  });
  await recordAuditEvent(manager, actor, {
    action: "blueprint.signing_key_registered",
    targetType: "SigningKey",
    targetId: key.id,
    cooperativeId: input.cooperativeId,
    data: { name: key.name, fingerprint: key.fingerprint },
  });
  return key;
}

/** Adds a registered, unrevoked key to the alliance keyring. Trusting twice is a CONFLICT. */
export async function trustSigningKey(
  manager: EntityManager,
  actor: Actor & { personId: string },
  signingKeyId: string,
  note: string,
): Promise<SigningKey> {
  const key = await manager.findOneBy(SigningKeyEntity, { id: signingKeyId });
  if (!key) throw notFound("Signing key");
  if (key.revokedAt) throw conflict("A revoked key cannot be trusted", { reason: "KEY_REVOKED" });
  if (await manager.existsBy(KeyringEntryEntity, { signingKeyId }))
    throw conflict("The key is already in the keyring", { reason: "ALREADY_TRUSTED" });
  await manager.insert(KeyringEntryEntity, { signingKeyId, trustedById: actor.personId, note });
  await recordAuditEvent(manager, actor, {
    action: "blueprint.signing_key_trusted",
    targetType: "SigningKey",
    targetId: key.id,
    cooperativeId: key.cooperativeId,
    data: { fingerprint: key.fingerprint, note },
  });
  return key;
}
