import { describe, expect, it } from "vitest";
import { ALLIANCE_ACR_MFA, ALLIANCE_ACR_PASSWORD } from "../oidc/acr-values.js";
import { DEMO_PEOPLE } from "./demo-people.js";
import { decideLogin, requestedAcrValues } from "./login-decision.js";

const NOW = new Date("2026-11-25T09:00:00Z");
const decide = (fields: Record<string, string>, acrValues: string[] = []) =>
  decideLogin({ form: new URLSearchParams(fields), people: DEMO_PEOPLE, acrValues, now: NOW });

describe("Development login decision", () => {
  it("signs in with a second factor when the box is ticked", () => {
    expect(decide({ sub: "demo-ada-admin", secondFactor: "yes" })).toEqual({
      kind: "login",
      login: {
        accountId: "demo-ada-admin",
        amr: ["pwd", "otp"],
        acr: ALLIANCE_ACR_MFA,
        ts: NOW.getTime() / 1000,
        remember: true,
      },
    });
  });

  it("signs in with a password only when the box is not ticked", () => {
    expect(decide({ sub: "demo-nia-newcomer" })).toMatchObject({
      kind: "login",
      login: { amr: ["pwd"], acr: ALLIANCE_ACR_PASSWORD },
    });
  });

  it.each<[string, Record<string, string>, string[], boolean]>([
    ["an unknown person", { sub: "nobody", secondFactor: "yes" }, [], true],
    ["no person at all", {}, [], false],
    [
      "a password-only sign-in when MFA was requested",
      { sub: "demo-sam-steward" },
      [ALLIANCE_ACR_MFA],
      false,
    ],
  ])("asks again for %s", (_case, fields, acrValues, secondFactorChecked) => {
    const decision = decide(fields, acrValues);
    expect(decision).toMatchObject({ kind: "retry", secondFactorChecked });
  });

  it("accepts MFA when it was requested and given", () => {
    expect(decide({ sub: "demo-sam-steward", secondFactor: "yes" }, [ALLIANCE_ACR_MFA]).kind).toBe("login");
  });
});

describe("Requested acr values", () => {
  it.each<[Record<string, unknown>, string[]]>([
    [
      { acr_values: `${ALLIANCE_ACR_PASSWORD} ${ALLIANCE_ACR_MFA}` },
      [ALLIANCE_ACR_PASSWORD, ALLIANCE_ACR_MFA],
    ],
    [{ acr_values: "" }, []],
    [{}, []],
    [{ acr_values: 42 }, []],
  ])("reads %j", (params, expected) => {
    expect(requestedAcrValues(params)).toEqual(expected);
  });
});
