const MAX_SLUG_LENGTH = 40;

/**
 * Suggests a cooperative slug from its name: lowercase ASCII letters, digits and single hyphens, at most 40
 * characters, no hyphen at either end (the hub's rule). Accents are dropped (`Café Coop` → `cafe-coop`).
 */
export function suggestSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, "");
}
