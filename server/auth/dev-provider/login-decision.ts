import type { InteractionResults } from "oidc-provider";
import { ALLIANCE_ACR_MFA, ALLIANCE_ACR_PASSWORD } from "../oidc/acr-values.js";
import type { DemoPerson } from "./demo-people.js";

/** Form field names shared by the login page and the submission handler. */
export const LOGIN_FIELDS = { subject: "sub", secondFactor: "secondFactor" } as const;

/** Either a finished login for oidc-provider, or the page again with an explanation. */
export type LoginDecision =
  | { kind: "login"; login: NonNullable<InteractionResults["login"]> }
  | { kind: "retry"; error: string; secondFactorChecked: boolean };

/** The `acr_values` an authorization request asked for (space-separated in OAuth). */
export function requestedAcrValues(params: Record<string, unknown>): string[] {
  return typeof params.acr_values === "string" ? params.acr_values.split(" ").filter(Boolean) : [];
}

/**
 * Decides what a submitted login form means. The "second factor" is simulated: ticking the box stands for having
 * typed a valid one-time code, so the sign-in carries `amr` ["pwd","otp"] and the MFA context class.
 */
export function decideLogin(input: {
  form: URLSearchParams;
  people: readonly DemoPerson[];
  acrValues: string[];
  now: Date;
}): LoginDecision {
  const secondFactor = input.form.has(LOGIN_FIELDS.secondFactor);
  const person = input.people.find((candidate) => candidate.sub === input.form.get(LOGIN_FIELDS.subject));
  if (!person) {
    return {
      kind: "retry",
      error: "Choose one of the demo people to sign in.",
      secondFactorChecked: secondFactor,
    };
  }
  if (input.acrValues.includes(ALLIANCE_ACR_MFA) && !secondFactor) {
    return {
      kind: "retry",
      error: "This sign-in needs a second factor. Tick “Use second factor” and choose a person again.",
      secondFactorChecked: false,
    };
  }
  return {
    kind: "login",
    login: {
      accountId: person.sub,
      amr: secondFactor ? ["pwd", "otp"] : ["pwd"],
      acr: secondFactor ? ALLIANCE_ACR_MFA : ALLIANCE_ACR_PASSWORD,
      ts: Math.floor(input.now.getTime() / 1000),
      remember: true,
    },
  };
}
