import { z } from "zod";

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** 10 MiB of bytes is at most this many base64 characters (a larger archive is refused anyway). */
const MAX_TARBALL_CHARACTERS = Math.ceil((10 * 1024 * 1024) / 3) * 4;

const name = z
  .string()
  .trim()
  .min(1, "required")
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "must be a blueprint name");
const version = z.string().trim().min(1, "required").max(128);
const fingerprint = z
  .string()
  .regex(/^[0-9a-f]{64}$/, "must be 64 lowercase hex digits (sha256 of the raw key)");

export const publishInput = z.object({
  cooperativeId: z.string(),
  tarball: z
    .string()
    .min(1, "required")
    .max(MAX_TARBALL_CHARACTERS, "the archive is larger than 10 MiB")
    .regex(BASE64, "must be base64"),
  signature: z
    .object({
      keyFingerprint: fingerprint,
      signature: z.string().min(1).max(200).regex(BASE64, "must be base64"),
    })
    .nullish(),
});

export const yankInput = z.object({
  name,
  version,
  reason: z.string().trim().min(3, "say why (at least 3 characters)").max(500, "at most 500 characters"),
});

export const registerKeyInput = z.object({
  cooperativeId: z.string(),
  name: z.string().trim().min(1, "required").max(100, "at most 100 characters"),
  publicKey: z.string().trim().min(1, "required").max(2000, "too long for an Ed25519 key"),
});

export const trustKeyInput = z.object({
  signingKeyId: z.string(),
  note: z.string().trim().max(500, "at most 500 characters").nullish(),
});
