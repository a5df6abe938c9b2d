/**
 * SemVer 2.0.0 parsing, ordering and a small range language for compatibility fields.
 * Written here instead of pulling a dependency: blueprints only need strict versions and
 * `>=1.34.0 <1.37.0 || =1.38.0` style ranges.
 */

/** A parsed SemVer 2 version. Build metadata is kept but never affects ordering. */
export interface SemanticVersion {
  major: number;
  minor: number;
  patch: number;
  prerelease: ReadonlyArray<string | number>;
  build: ReadonlyArray<string>;
}

// The official SemVer 2 regular expression (semver.org), without the optional leading "v".
const SEMVER_PATTERN =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

const MAX_VERSION_LENGTH = 256;

/** Parses a strict SemVer 2 string ("1.2.3-rc.1+build.5"); returns undefined when it is not one. */
export function parseSemver(text: string): SemanticVersion | undefined {
  if (text.length > MAX_VERSION_LENGTH) return undefined;
  const match = SEMVER_PATTERN.exec(text);
  if (!match) return undefined;
  const numbers = [match[1], match[2], match[3]].map(Number);
  if (numbers.some((part) => !Number.isSafeInteger(part))) return undefined;
  const prerelease = match[4]
    ? match[4].split(".").map((identifier) => (/^\d+$/.test(identifier) ? Number(identifier) : identifier))
    : [];
  return {
    major: numbers[0],
    minor: numbers[1],
    patch: numbers[2],
    prerelease,
    build: match[5] ? match[5].split(".") : [],
  };
}

/** True when the text is a strict SemVer 2 version. */
export function isSemver(text: string): boolean {
  return parseSemver(text) !== undefined;
}

function compareIdentifiers(left: string | number, right: string | number): number {
  if (typeof left === "number" && typeof right === "number") return Math.sign(left - right);
  // Numeric identifiers always have lower precedence than alphanumeric ones (SemVer 2, item 11).
  if (typeof left === "number") return -1;
  if (typeof right === "number") return 1;
  if (left === right) return 0;
  return left < right ? -1 : 1;
}

function comparePrerelease(left: SemanticVersion, right: SemanticVersion): number {
  // A version without prerelease ranks above any prerelease of the same core version.
  if (left.prerelease.length === 0 || right.prerelease.length === 0) {
    return Math.sign(right.prerelease.length - left.prerelease.length);
  }
  const length = Math.min(left.prerelease.length, right.prerelease.length);
  for (let index = 0; index < length; index++) {
    const order = compareIdentifiers(left.prerelease[index], right.prerelease[index]);
    if (order !== 0) return order;
  }
  return Math.sign(left.prerelease.length - right.prerelease.length);
}

function compareParsed(left: SemanticVersion, right: SemanticVersion): number {
  return (
    Math.sign(left.major - right.major) ||
    Math.sign(left.minor - right.minor) ||
    Math.sign(left.patch - right.patch) ||
    comparePrerelease(left, right)
  );
}

function parseOrThrow(text: string): SemanticVersion {
  const parsed = parseSemver(text);
  if (!parsed) throw new RangeError(`Not a SemVer 2 version: "${text}"`);
  return parsed;
}

/**
 * Orders two SemVer 2 versions by precedence: -1, 0 or 1. Build metadata is ignored, so
 * `1.0.0+a` and `1.0.0+b` compare equal. Throws RangeError on an invalid version.
 */
export function compareSemver(left: string, right: string): number {
  return compareParsed(parseOrThrow(left), parseOrThrow(right));
}

/** Sorts versions newest first (the order version lists and Helm indexes use). */
export function sortSemverDescending(versions: readonly string[]): string[] {
  return [...versions].sort((left, right) => compareSemver(right, left));
}

type Operator = ">=" | "<=" | ">" | "<" | "=";

interface Comparator {
  operator: Operator;
  version: SemanticVersion;
}

const COMPARATOR_PATTERN = /^(>=|<=|>|<|=)?(.+)$/;

function parseComparator(text: string): Comparator | undefined {
  const match = COMPARATOR_PATTERN.exec(text);
  if (!match) return undefined;
  const version = parseSemver(match[2]);
  if (!version) return undefined;
  return { operator: (match[1] as Operator | undefined) ?? "=", version };
}

/**
 * Parses a version range: alternatives separated by `||`, each a space-separated list of
 * comparators (`>=1.34.0 <1.37.0`) that must all hold. Returns undefined on a syntax error.
 */
function parseRange(range: string): Comparator[][] | undefined {
  if (range.length > MAX_VERSION_LENGTH * 4 || range.trim() === "") return undefined;
  const alternatives: Comparator[][] = [];
  for (const alternative of range.split("||")) {
    const parts = alternative.trim().split(/\s+/);
    const comparators = parts.map(parseComparator);
    if (parts[0] === "" || comparators.some((comparator) => comparator === undefined)) return undefined;
    alternatives.push(comparators.filter((comparator): comparator is Comparator => comparator !== undefined));
  }
  return alternatives;
}

/** True when the text is a valid version range such as `>=1.34.0 <1.37.0`. */
export function isSemverRange(range: string): boolean {
  return parseRange(range) !== undefined;
}

function holds(version: SemanticVersion, comparator: Comparator): boolean {
  const order = compareParsed(version, comparator.version);
  switch (comparator.operator) {
    case ">=":
      return order >= 0;
    case "<=":
      return order <= 0;
    case ">":
      return order > 0;
    case "<":
      return order < 0;
    case "=":
      return order === 0;
    default: {
      const unreachable: never = comparator.operator;
      throw new Error(`Unknown operator ${String(unreachable)}`);
    }
  }
}

/** True when the version satisfies the range. Throws RangeError on an invalid version or range. */
export function satisfiesSemverRange(version: string, range: string): boolean {
  const parsedRange = parseRange(range);
  if (!parsedRange) throw new RangeError(`Not a version range: "${range}"`);
  const parsedVersion = parseOrThrow(version);
  return parsedRange.some((comparators) =>
    comparators.every((comparator) => holds(parsedVersion, comparator)),
  );
}
