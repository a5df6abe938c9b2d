import type { SearchRole, SearchViewer, SearchVisibility } from "./search-provider.js";

/** Stored in place of "no role required" so Meilisearch can filter with a plain `IN` (no NULL handling). */
export const NO_ROLE_REQUIRED = "none";

/** Which `requiresRole` values each hub role satisfies: stewards hold every moderator right. */
const SATISFIED_ROLES: Readonly<Record<SearchRole, readonly SearchRole[]>> = {
  steward: ["steward", "moderator"],
  moderator: ["moderator"],
};

/** Column names the PostgreSQL provider must use for visibility. */
export const SEARCH_VISIBILITY_COLUMNS = {
  public: "visibility_public",
  signedIn: "visibility_signed_in",
  cooperativeIds: "visibility_cooperative_ids",
  role: "visibility_role",
} as const;

/** Attribute names (filterable) the Meilisearch provider must index for visibility. */
export interface MeiliVisibilityAttributes {
  visibility_public: boolean;
  visibility_signed_in: boolean;
  visibility_cooperatives: string[];
  visibility_role: SearchRole | typeof NO_ROLE_REQUIRED;
}

/** A PostgreSQL condition with its parameters, to append to a WHERE clause. */
export interface SqlFragment {
  sql: string;
  params: unknown[];
}

const SQL_IDENTIFIER = /^[a-z_][a-z0-9_]*$/u;

/** The `requiresRole` values this viewer satisfies. */
export function satisfiedRoles(viewer: SearchViewer): SearchRole[] {
  const satisfied = new Set<SearchRole>();
  for (const role of viewer.roles) {
    if (role === "steward" || role === "moderator") {
      for (const granted of SATISFIED_ROLES[role]) satisfied.add(granted);
    }
  }
  return [...satisfied].sort();
}

/** Whether the viewer may see a document: audience matches AND any required role is held. */
export function canSee(viewer: SearchViewer, visibility: SearchVisibility): boolean {
  const inAudience =
    visibility.public ||
    (visibility.signedIn === true && viewer.signedIn) ||
    (visibility.cooperativeIds ?? []).some((id) => viewer.cooperativeIds.includes(id));
  if (!inAudience) return false;
  return visibility.requiresRole === undefined || satisfiedRoles(viewer).includes(visibility.requiresRole);
}

/** The attributes to index in Meilisearch so `visibilityFilterForMeili` works. */
export function toMeiliVisibilityAttributes(visibility: SearchVisibility): MeiliVisibilityAttributes {
  return {
    visibility_public: visibility.public,
    visibility_signed_in: visibility.signedIn === true,
    visibility_cooperatives: [...(visibility.cooperativeIds ?? [])],
    visibility_role: visibility.requiresRole ?? NO_ROLE_REQUIRED,
  };
}

/**
 * A Meilisearch filter expression admitting exactly the documents `canSee` admits. Values are double-quoted with
 * `\` and `"` escaped, so a cooperative id cannot break out of its string.
 */
export function visibilityFilterForMeili(viewer: SearchViewer): string {
  const alternatives = ["visibility_public = true"];
  if (viewer.signedIn) alternatives.push("visibility_signed_in = true");
  if (viewer.cooperativeIds.length > 0) {
    alternatives.push(
      `visibility_cooperatives IN [${viewer.cooperativeIds.map(quoteMeiliValue).join(", ")}]`,
    );
  }
  const audience = alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(" OR ")})`;
  const roles = [NO_ROLE_REQUIRED, ...satisfiedRoles(viewer)].map(quoteMeiliValue).join(", ");
  return `${audience} AND visibility_role IN [${roles}]`;
}

/** Quotes one value for a Meilisearch filter expression. */
export function quoteMeiliValue(value: string): string {
  return `"${value.replace(/\\/gu, "\\\\").replace(/"/gu, '\\"')}"`;
}

/**
 * A parameterised PostgreSQL condition admitting exactly the documents `canSee` admits. Placeholders start at
 * `$<paramOffset + 1>`; values only ever travel as parameters. `tableAlias` (optional) must be a plain
 * lower-case identifier, since identifiers cannot be parameters.
 */
export function visibilityWhereSql(
  viewer: SearchViewer,
  paramOffset: number,
  tableAlias?: string,
): SqlFragment {
  if (!Number.isSafeInteger(paramOffset) || paramOffset < 0) {
    throw new RangeError(`paramOffset must be a non-negative integer, got ${paramOffset}`);
  }
  if (tableAlias !== undefined && !SQL_IDENTIFIER.test(tableAlias)) {
    throw new RangeError(`tableAlias must match ${SQL_IDENTIFIER}, got ${JSON.stringify(tableAlias)}`);
  }
  const prefix = tableAlias === undefined ? "" : `${tableAlias}.`;
  const columns = SEARCH_VISIBILITY_COLUMNS;
  const sql =
    `((${prefix}${columns.public} OR ${prefix}${columns.cooperativeIds} && $${paramOffset + 1}::text[]` +
    ` OR (${prefix}${columns.signedIn} AND $${paramOffset + 3}::boolean))` +
    ` AND (${prefix}${columns.role} IS NULL OR ${prefix}${columns.role} = ANY($${paramOffset + 2}::text[])))`;
  return { sql, params: [[...viewer.cooperativeIds], satisfiedRoles(viewer), viewer.signedIn] };
}
