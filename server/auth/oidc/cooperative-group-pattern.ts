import { ClaimsRejected } from "./claims-mapping-error.js";

/** A role a person can hold in a cooperative, as the hub stores it. */
export type CooperativeRole = "member" | "admin";

/** One cooperative membership read from a group name. */
export interface CooperativeMembership {
  cooperativeSlug: string;
  role: CooperativeRole;
}

const SLUG_PLACEHOLDER = "{slug}";
const ROLE_PLACEHOLDER = "{role}";

/**
 * Compiles a group pattern such as `coop:{slug}:{role}` into a parser of group names. The pattern must contain
 * both placeholders; everything else matches literally, so an alliance may use `/coops/{slug}/{role}` or
 * `{slug}-{role}` to fit its provider's naming. A leading `/` is ignored (group names lose theirs too, because
 * Keycloak may send full group paths).
 */
export function compileCooperativeGroupPattern(
  pattern: string,
): (group: string) => CooperativeMembership | null {
  if (!pattern.includes(SLUG_PLACEHOLDER) || !pattern.includes(ROLE_PLACEHOLDER)) {
    throw new ClaimsRejected(
      "invalid_group_pattern",
      `cooperative group pattern "${pattern}" must contain ${SLUG_PLACEHOLDER} and ${ROLE_PLACEHOLDER}`,
    );
  }
  const source = pattern
    .replace(/^\//, "")
    .split(/(\{slug\}|\{role\})/)
    .map((part) => {
      if (part === SLUG_PLACEHOLDER) return "(?<slug>[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)";
      if (part === ROLE_PLACEHOLDER) return "(?<role>member|admin)";
      return part.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    })
    .join("");
  const expression = new RegExp(`^${source}$`);
  return (group) => {
    const groups = expression.exec(group)?.groups;
    if (!groups) return null;
    return { cooperativeSlug: groups.slug, role: groups.role === "admin" ? "admin" : "member" };
  };
}
