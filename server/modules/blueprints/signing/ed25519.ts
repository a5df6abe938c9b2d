import { createPublicKey, type KeyObject, verify } from "node:crypto";
import { sha256OfBytes } from "../package/file-listing.js";

/** A parsed Ed25519 public key with its fingerprint (sha256 hex of the raw 32 bytes). */
export interface ParsedPublicKey {
  raw: Buffer;
  fingerprint: string;
  keyObject: KeyObject;
}

const PEM_PATTERN = /^-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----\s*$/;

/**
 * Accepts an Ed25519 public key as a PEM SPKI block (`openssl pkey -pubout`) or as the raw 32 bytes in base64 (as
 * `ssh-keygen`/`signify`-style tools print it). Returns undefined for anything else, including other key types.
 */
export function parseEd25519PublicKey(text: string): ParsedPublicKey | undefined {
  const trimmed = text.trim();
  try {
    let keyObject: KeyObject;
    if (PEM_PATTERN.test(trimmed)) {
      keyObject = createPublicKey(trimmed);
    } else {
      const raw = Buffer.from(trimmed, "base64");
      if (raw.length !== 32 || raw.toString("base64") !== trimmed.replace(/=*$/, "").padEnd(44, "="))
        return undefined;
      keyObject = createPublicKey({
        key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") },
        format: "jwk",
      });
    }
    if (keyObject.asymmetricKeyType !== "ed25519") return undefined;
    const jwk = keyObject.export({ format: "jwk" });
    const raw = Buffer.from(String(jwk.x), "base64url");
    return { raw, fingerprint: sha256OfBytes(raw), keyObject };
  } catch {
    return undefined;
  }
}

/** True when `signatureBase64` is a valid Ed25519 signature of `message` by `publicKeyBase64` (raw 32 bytes). */
export function verifyEd25519(publicKeyBase64: string, message: string, signatureBase64: string): boolean {
  const key = parseEd25519PublicKey(publicKeyBase64);
  const signature = Buffer.from(signatureBase64, "base64");
  if (!key || signature.length !== 64) return false;
  try {
    return verify(null, Buffer.from(message, "utf8"), key.keyObject, signature);
  } catch {
    return false;
  }
}
