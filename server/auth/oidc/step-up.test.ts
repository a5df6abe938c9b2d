import { describe, expect, it } from "vitest";
import { isRecentMfa, stepUpUrl } from "./step-up.js";

const NOW = new Date("2026-11-25T09:00:00Z");
const secondsAgo = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);

describe("Recent second factor", () => {
  it.each<[string, { mfa: boolean; authTime: Date | null }, boolean]>([
    ["mfa a minute ago", { mfa: true, authTime: secondsAgo(60) }, true],
    ["mfa exactly at the limit", { mfa: true, authTime: secondsAgo(300) }, true],
    ["mfa just past the limit", { mfa: true, authTime: secondsAgo(301) }, false],
    ["password only, just now", { mfa: false, authTime: secondsAgo(1) }, false],
    ["mfa without auth time", { mfa: true, authTime: null }, false],
    ["mfa with the provider's clock slightly ahead", { mfa: true, authTime: secondsAgo(-30) }, true],
    ["mfa far in the future", { mfa: true, authTime: secondsAgo(-3600) }, false],
  ])("%s", (_case, session, expected) => {
    expect(isRecentMfa(session, NOW, 300)).toBe(expected);
  });
});

describe("Step-up URL", () => {
  it.each([
    ["/clusters/c1?tab=keys#rotate", "/auth/login?stepUp=1&returnTo=%2Fclusters%2Fc1%3Ftab%3Dkeys%23rotate"],
    ["/", "/auth/login?stepUp=1&returnTo=%2F"],
    ["https://evil.example/", "/auth/login?stepUp=1&returnTo=%2F"],
    ["//evil.example/", "/auth/login?stepUp=1&returnTo=%2F"],
    ["/\\evil.example", "/auth/login?stepUp=1&returnTo=%2F"],
  ])("sends %j to %j", (returnTo, expected) => {
    expect(stepUpUrl(returnTo)).toBe(expected);
  });
});
