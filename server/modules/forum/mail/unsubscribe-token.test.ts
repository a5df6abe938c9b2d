import { describe, expect, it } from "vitest";
import { signUnsubscribeToken, verifyUnsubscribeToken } from "./unsubscribe-token.js";

const KEY = "test-key-0123456789";
const PERSON = "6f1c1c2e-1111-4222-8333-444455556666";

describe("Unsubscribe tokens", () => {
  it("round-trip the person and the switch", () => {
    const token = signUnsubscribeToken(KEY, PERSON, "digest");
    expect(verifyUnsubscribeToken(KEY, token)).toEqual({ personId: PERSON, topic: "digest" });
  });

  it("refuse another key, a changed switch, truncation and junk", () => {
    const token = signUnsubscribeToken(KEY, PERSON, "mentions");
    expect(verifyUnsubscribeToken("another-key", token)).toBeNull();
    const [, mac] = token.split(".");
    const forged = `${Buffer.from(`${PERSON}:digest`).toString("base64url")}.${mac}`;
    expect(verifyUnsubscribeToken(KEY, forged)).toBeNull();
    expect(verifyUnsubscribeToken(KEY, token.slice(0, -2))).toBeNull();
    expect(verifyUnsubscribeToken(KEY, "junk")).toBeNull();
    expect(verifyUnsubscribeToken(KEY, `${token}.extra`)).toBeNull();
  });
});
