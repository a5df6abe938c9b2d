import { generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseEd25519PublicKey, verifyEd25519 } from "./ed25519.js";

const pair = () => {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const raw = Buffer.from(String(publicKey.export({ format: "jwk" }).x), "base64url").toString("base64");
  return { raw, pem: String(publicKey.export({ format: "pem", type: "spki" })), privateKey };
};

describe("Ed25519 keys and signatures", () => {
  it("parses PEM and raw base64 keys to the same fingerprint", () => {
    const key = pair();
    const fromPem = parseEd25519PublicKey(key.pem);
    expect(fromPem?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(parseEd25519PublicKey(key.raw)?.fingerprint).toBe(fromPem?.fingerprint);
  });

  it("refuses other key types and malformed input", () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({
      format: "pem",
      type: "spki",
    });
    expect(parseEd25519PublicKey(String(rsa))).toBeUndefined();
    expect(parseEd25519PublicKey("c2hvcnQ=")).toBeUndefined();
    expect(parseEd25519PublicKey("not base64 at all!")).toBeUndefined();
  });

  it("verifies only the right message with the right key", () => {
    const key = pair();
    const other = pair();
    const signature = sign(null, Buffer.from("listing"), key.privateKey).toString("base64");
    expect(verifyEd25519(key.raw, "listing", signature)).toBe(true);
    expect(verifyEd25519(key.raw, "listing!", signature)).toBe(false);
    expect(verifyEd25519(other.raw, "listing", signature)).toBe(false);
    expect(verifyEd25519(key.raw, "listing", "AAAA")).toBe(false);
  });
});
