import type { EntityManager } from "typeorm";
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

/**
 * The signature status of a version, evaluated now: `signed` only for a signature checked valid at ingest with a
 * key that is still not revoked; `verifiedAgainstKeyring` only when that key is also in the alliance keyring.
 */
export async function signatureInfo(manager: EntityManager, versionId: string): Promise<SignatureInfo> {
  const signature = await manager.findOneBy(BlueprintSignatureEntity, { versionId });
  if (!signature)
    return {
      status: "unsigned",
      signed: false,
      verifiedAgainstKeyring: false,
      keyFingerprint: null,
      signingKey: null,
      problem: null,
    };
  const key = signature.signingKeyId
    ? await manager.findOneBy(SigningKeyEntity, { id: signature.signingKeyId })
    : null;
  const revoked = Boolean(key?.revokedAt);
  const signed = signature.valid && key !== null && !revoked;
  const trusted =
    signed && key ? await manager.existsBy(KeyringEntryEntity, { signingKeyId: key.id }) : false;
  return {
    status: trusted ? "verified" : signed ? "signed" : "invalid",
    signed,
    verifiedAgainstKeyring: trusted,
    keyFingerprint: signature.keyFingerprint,
    signingKey: key,
    problem: signed
      ? null
      : (signature.problem ?? (revoked ? "the key was revoked" : "the signature did not verify")),
  };
}
