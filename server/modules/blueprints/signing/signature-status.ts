import { type EntityManager, In } from "typeorm";
import { BlueprintSignatureEntity } from "../model/blueprint-signature.entity.js";
import { KeyringEntryEntity } from "../model/keyring-entry.entity.js";
import { type SigningKey, SigningKeyEntity } from "../model/signing-key.entity.js";

export type SignatureStatus = "unsigned" | "invalid" | "signed" | "verified";

/** What the hub shows about a version's signature. */
export interface SignatureInfo {
  status: SignatureStatus;
  signed: boolean;
  verifiedAgainstKeyring: boolean;
  keyFingerprint: string | null;
  signingKey: SigningKey | null;
  problem: string | null;
}

const UNSIGNED: SignatureInfo = {
  status: "unsigned",
  signed: false,
  verifiedAgainstKeyring: false,
  keyFingerprint: null,
  signingKey: null,
  problem: null,
};

/**
 * The signature status of versions, evaluated now: `signed` only for a signature checked valid at ingest with a
 * key that is still not revoked; `verifiedAgainstKeyring` only when that key is also in the alliance keyring.
 * Three queries however many versions (a catalog page asks for 24).
 */
export async function signatureInfos(
  manager: EntityManager,
  versionIds: readonly string[],
): Promise<Map<string, SignatureInfo>> {
  const result = new Map<string, SignatureInfo>(versionIds.map((id) => [id, UNSIGNED]));
  if (versionIds.length === 0) return result;
  const signatures = await manager.findBy(BlueprintSignatureEntity, { versionId: In([...versionIds]) });
  const keyIds = [...new Set(signatures.flatMap((signature) => signature.signingKeyId ?? []))];
  const keys = keyIds.length ? await manager.findBy(SigningKeyEntity, { id: In(keyIds) }) : [];
  const trustedIds = new Set(
    keyIds.length
      ? (await manager.findBy(KeyringEntryEntity, { signingKeyId: In(keyIds) })).map(
          (entry) => entry.signingKeyId,
        )
      : [],
  );
  const keysById = new Map(keys.map((key) => [key.id, key]));
  for (const signature of signatures) {
    const key = signature.signingKeyId ? (keysById.get(signature.signingKeyId) ?? null) : null;
    const revoked = Boolean(key?.revokedAt);
    const signed = signature.valid && key !== null && !revoked;
    const trusted = signed && key !== null && trustedIds.has(key.id);
    result.set(signature.versionId, {
      status: trusted ? "verified" : signed ? "signed" : "invalid",
      signed,
      verifiedAgainstKeyring: trusted,
      keyFingerprint: signature.keyFingerprint,
      signingKey: key,
      problem: signed
        ? null
        : (signature.problem ?? (revoked ? "the key was revoked" : "the signature did not verify")),
    });
  }
  return result;
}

/** The signature status of one version (see {@link signatureInfos}). */
export async function signatureInfo(manager: EntityManager, versionId: string): Promise<SignatureInfo> {
  return (await signatureInfos(manager, [versionId])).get(versionId) ?? UNSIGNED;
}
