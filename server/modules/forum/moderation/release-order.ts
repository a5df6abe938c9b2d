/** Orders release names as people read them: "2026.9" < "2026.10" < "2026.11" (numeric-aware). */
export function compareReleaseNames(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true, sensitivity: "base" });
}

/** The newest of some releases by name, or null for none. */
export function newestRelease<T extends { name: string }>(releases: readonly T[]): T | null {
  let newest: T | null = null;
  for (const release of releases)
    if (!newest || compareReleaseNames(release.name, newest.name) > 0) newest = release;
  return newest;
}
