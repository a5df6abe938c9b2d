import { ALLIANCE_ACR_MFA, MFA_AUTHENTICATION_METHODS } from "./acr-values.js";
import { ClaimsRejected } from "./claims-mapping-error.js";
import { type CooperativeMembership, compileCooperativeGroupPattern } from "./cooperative-group-pattern.js";
import { normaliseHandle } from "./normalise-handle.js";

/** A role in the whole alliance (not in one cooperative). */
export type HubRole = "steward" | "moderator";

/** How provider groups become hub roles and cooperative memberships. Every field has an alliance default. */
export interface ClaimsMappingOptions {
  /** Name of the claim that lists groups. Default `groups`. */
  groupsClaim?: string;
  /** Group whose members are alliance stewards. Default `alliance-stewards`. */
  stewardGroup?: string;
  /** Group whose members are forum moderators. Default `alliance-moderators`. */
  moderatorGroup?: string;
  /** Group naming scheme for cooperative roles, with `{slug}` and `{role}`. Default `coop:{slug}:{role}`. */
  cooperativeGroupPattern?: string;
  /** `acr` values that count as a second factor. Default: the alliance's MFA value. */
  mfaAcrValues?: readonly string[];
}

/** What the hub learns about a person from one sign-in. */
export interface MappedProfile {
  subject: string;
  issuer: string;
  email: string | null;
  /** `null` when the provider did not say; the hub should not link accounts by an unverified address. */
  emailVerified: boolean | null;
  name: string | null;
  handle: string;
  /** Empty when the groups claim is absent: check `memberships === null` before revoking anything. */
  hubRoles: HubRole[];
  /** `null` when the groups claim is absent, so the hub leaves stored memberships alone. */
  memberships: CooperativeMembership[] | null;
  authMethods: string[];
  acr: string | null;
  authTime: Date | null;
  mfa: boolean;
}

/** The alliance's defaults, used for every option left unset. */
export const DEFAULT_CLAIMS_MAPPING = {
  groupsClaim: "groups",
  stewardGroup: "alliance-stewards",
  moderatorGroup: "alliance-moderators",
  cooperativeGroupPattern: "coop:{slug}:{role}",
  mfaAcrValues: [ALLIANCE_ACR_MFA],
} as const satisfies Required<ClaimsMappingOptions>;

const text = (value: unknown): string | null =>
  typeof value === "string" && value.trim() ? value.trim() : null;

/**
 * Reads groups as a list of names. Keycloak sends full paths (`/alliance-stewards`) when configured to, and some
 * providers send a lone string: both are accepted. `null` means the claim was absent.
 */
function readGroups(value: unknown): string[] | null {
  if (value === undefined || value === null) return null;
  const list = Array.isArray(value) ? value : [value];
  return list
    .filter((group): group is string => typeof group === "string")
    .map((group) => group.replace(/^\//, ""));
}

/** Merges memberships per cooperative; `admin` wins over `member` when a person is in both groups. */
function readMemberships(groups: string[], pattern: string): CooperativeMembership[] {
  const parse = compileCooperativeGroupPattern(pattern);
  const bySlug = new Map<string, CooperativeMembership>();
  for (const membership of groups.map(parse)) {
    if (!membership) continue;
    const known = bySlug.get(membership.cooperativeSlug);
    if (!known || membership.role === "admin") bySlug.set(membership.cooperativeSlug, membership);
  }
  return [...bySlug.values()].sort((a, b) => a.cooperativeSlug.localeCompare(b.cooperativeSlug));
}

/**
 * Maps verified id_token (or userinfo) claims to what the hub stores about a person. Pure: no clock, no I/O.
 * Throws `ClaimsRejected` when `sub` or `iss` is missing, since nothing else identifies a person safely.
 */
export function mapClaimsToProfile(
  claims: Record<string, unknown>,
  options: ClaimsMappingOptions = {},
): MappedProfile {
  // `??` rather than a spread: a config module may pass `undefined` for unset values.
  const settings: Required<ClaimsMappingOptions> = {
    groupsClaim: options.groupsClaim ?? DEFAULT_CLAIMS_MAPPING.groupsClaim,
    stewardGroup: options.stewardGroup ?? DEFAULT_CLAIMS_MAPPING.stewardGroup,
    moderatorGroup: options.moderatorGroup ?? DEFAULT_CLAIMS_MAPPING.moderatorGroup,
    cooperativeGroupPattern:
      options.cooperativeGroupPattern ?? DEFAULT_CLAIMS_MAPPING.cooperativeGroupPattern,
    mfaAcrValues: options.mfaAcrValues ?? DEFAULT_CLAIMS_MAPPING.mfaAcrValues,
  };
  const subject = text(claims.sub);
  if (!subject) throw new ClaimsRejected("missing_subject", "claims carry no subject (sub)");
  const issuer = text(claims.iss);
  if (!issuer) throw new ClaimsRejected("missing_issuer", "claims carry no issuer (iss)");

  const email = text(claims.email);
  const groups = readGroups(claims[settings.groupsClaim]);
  const authMethods = Array.isArray(claims.amr)
    ? claims.amr.filter((method): method is string => typeof method === "string")
    : [];
  const acr = text(claims.acr);
  const hubRoles: HubRole[] = [];
  if (groups?.includes(settings.stewardGroup)) hubRoles.push("steward");
  if (groups?.includes(settings.moderatorGroup)) hubRoles.push("moderator");

  return {
    subject,
    issuer,
    email,
    emailVerified: typeof claims.email_verified === "boolean" ? claims.email_verified : null,
    name:
      text(claims.name) ??
      ([text(claims.given_name), text(claims.family_name)].filter(Boolean).join(" ") || null),
    handle: normaliseHandle(text(claims.preferred_username) ?? email?.split("@")[0] ?? "", subject),
    hubRoles,
    memberships: groups === null ? null : readMemberships(groups, settings.cooperativeGroupPattern),
    authMethods,
    acr,
    authTime: typeof claims.auth_time === "number" ? new Date(claims.auth_time * 1000) : null,
    mfa:
      authMethods.some((method) => MFA_AUTHENTICATION_METHODS.includes(method)) ||
      (acr !== null && settings.mfaAcrValues.includes(acr)),
  };
}
