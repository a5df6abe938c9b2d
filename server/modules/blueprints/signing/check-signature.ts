import type { EntityManager } from "typeorm";
import { SigningKeyEntity } from "../model/signing-key.entity.js";
import { verifyEd25519 } from "./ed25519.js";

/** A signature as a publisher submits it. */
export interface SubmittedSignature {
  /** sha256 hex of the raw public key. */
  keyFingerprint: string;
  /** Base64 Ed25519 signature over the `SHA256SUMS` listing of the version's files. */
  signature: string;
}

/** The outcome stored with the version; `valid` never becomes true without a successful check. */
export interface SignatureCheck {
  signingKeyId: string | null;
  keyFingerprint: string;
  signature: string;
  valid: boolean;
  problem: string | null;
}

/**
 * Checks a submitted signature against the publishing cooperative's registered keys. Every failure (unknown key,
 * another cooperative's key, revoked key, bad signature) is recorded with its reason instead of refusing the
 * publish: the version is then shown as unverified, never as verified.
 */
export async function checkSignature(
  manager: EntityManager,
  cooperativeId: string,
  listing: string,
  submitted: SubmittedSignature,
): Promise<SignatureCheck> {
  const base = { keyFingerprint: submitted.keyFingerprint, signature: submitted.signature };
  const key = await manager.findOneBy(SigningKeyEntity, { fingerprint: submitted.keyFingerprint });
  if (!key) return { ...base, signingKeyId: null, valid: false, problem: "the key is not registered" };
  if (key.cooperativeId !== cooperativeId)
    return { ...base, signingKeyId: null, valid: false, problem: "the key belongs to another cooperative" };
  if (key.revokedAt) return { ...base, signingKeyId: key.id, valid: false, problem: "the key is revoked" };
  const valid = verifyEd25519(key.publicKey, listing, submitted.signature);
  return {
    ...base,
    signingKeyId: key.id,
    valid,
    problem: valid ? null : "the signature does not match the files",
  };
}
