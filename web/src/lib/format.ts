/** Human names of the cooperative tiers, in the order the alliance lists them. */
export const TIER_LABELS: Record<string, string> = {
  TCC_MEMBER: "TCC member",
  ALLIANCE_PARTNER: "Alliance partner",
  VENDOR: "Vendor",
};

/** Human names of membership roles. */
export const ROLE_LABELS: Record<string, string> = { ADMIN: "Admin", MEMBER: "Member" };

/** A tier's label; unknown values are shown as they are rather than hidden. */
export const tierLabel = (tier: string): string => TIER_LABELS[tier] ?? tier;

/** A role's label. */
export const roleLabel = (role: string): string => ROLE_LABELS[role] ?? role;

/** The English name of an ISO 3166-1 alpha-2 code (`CH` → `Switzerland`), or the code itself. */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A date such as `25 Nov 2026`; missing values become an em dash. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "—";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return "—";
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
}

/** A date with time, such as `25 Nov 2026, 08:15`. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "—";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return "—";
  return date.toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}
