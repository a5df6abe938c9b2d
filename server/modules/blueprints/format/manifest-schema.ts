import { z } from "zod";
import { isSemver, isSemverRange, parseSemver } from "./semver.js";

/** Identifies this manifest format so it can evolve without guessing. */
export const BLUEPRINT_API_VERSION = "alliance-hub/v1";

/** The kinds of blueprint: a whole cluster (kubeadm and friends) or an app on a cluster. */
export const BLUEPRINT_KINDS = ["ClusterBlueprint", "AppBlueprint"] as const;

/** Catalog categories; a closed list so the catalog filter stays meaningful. */
export const BLUEPRINT_CATEGORIES = [
  "cluster",
  "networking",
  "storage",
  "security",
  "management",
  "application",
  "observability",
] as const;

/** Changelog entry kinds, the same six as Keep a Changelog and Artifact Hub. */
export const CHANGE_KINDS = ["added", "changed", "deprecated", "removed", "fixed", "security"] as const;

/** What a pinned component is, which tells the installer how to fetch it. */
export const COMPONENT_KINDS = ["helm-chart", "container-image", "manifest", "package"] as const;

const NAME_PATTERN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DIGEST_PATTERN = /^sha256:[0-9a-f]{64}$/;
// Exact versions only: a range, a wildcard or a floating tag would make rendering non-reproducible.
const EXACT_VERSION_PATTERN = /^v?[0-9][0-9A-Za-z.+_-]*$/;
const SPDX_PATTERN = /^[A-Za-z0-9.+-]+( (AND|OR|WITH) [A-Za-z0-9.+-]+)*$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const name = z.string().max(63).regex(NAME_PATTERN, "must be a lowercase DNS label (a-z, 0-9, -)");
const semver = z.string().refine(isSemver, "must be a SemVer 2 version such as 1.2.3 or 1.2.3-rc.1");
const semverRange = z.string().refine(isSemverRange, "must be a version range such as >=1.34.0 <1.37.0");
// Links may be absolute https URLs or paths inside the hub (manual chapters).
const link = z
  .string()
  .max(2048)
  .refine(
    (value) => /^https:\/\/[^\s]+$/.test(value) || /^\/[^\s/][^\s]*$/.test(value),
    "must be an https:// URL or a path starting with /",
  );

const maintainer = z.strictObject({
  name: z.string().min(1).max(200),
  email: z.email().optional(),
  url: link.optional(),
  cooperative: z.string().min(1).max(200).optional(),
});

const component = z.strictObject({
  name: z.string().min(1).max(200),
  kind: z.enum(COMPONENT_KINDS),
  version: z.string().max(128).regex(EXACT_VERSION_PATTERN, "must be an exact version, not a range or tag"),
  /** Chart repository, image repository or manifest URL. */
  source: z.string().min(1).max(2048),
  digest: z.string().regex(DIGEST_PATTERN, "must be sha256: followed by 64 lowercase hex digits"),
  /** False until a release steward has checked the digest against the published artifact. */
  digestVerified: z.boolean(),
  appVersion: z.string().max(128).optional(),
});

const change = z.strictObject({
  kind: z.enum(CHANGE_KINDS),
  description: z.string().min(1).max(2000),
  links: z
    .array(z.strictObject({ name: z.string().min(1).max(200), url: link }))
    .max(20)
    .optional(),
});

const prerequisite = z.strictObject({
  name: z.string().min(1).max(200),
  version: semverRange.optional(),
  description: z.string().min(1).max(1000),
});

/** The zod schema of `blueprint.yaml`. Strict: unknown keys are errors, so typos never pass silently. */
export const BLUEPRINT_MANIFEST_SCHEMA = z
  .strictObject({
    apiVersion: z.literal(BLUEPRINT_API_VERSION),
    kind: z.enum(BLUEPRINT_KINDS),
    name,
    version: semver,
    title: z.string().min(1).max(120),
    description: z.string().min(1).max(2000),
    category: z.enum(BLUEPRINT_CATEGORIES),
    keywords: z.array(z.string().regex(/^[a-z0-9][a-z0-9.-]{0,39}$/)).max(30),
    license: z.string().max(200).regex(SPDX_PATTERN, "must be an SPDX license expression"),
    maintainers: z.array(maintainer).min(1).max(20),
    links: z.array(z.strictObject({ name: z.string().min(1).max(200), url: link })).max(30),
    compatibility: z.strictObject({
      kubernetes: semverRange,
      prerequisites: z.array(prerequisite).max(30),
    }),
    components: z.array(component).max(50),
    changelog: z.array(change).max(100),
    releaseDate: z.string().regex(DATE_PATTERN, "must be a date YYYY-MM-DD").optional(),
    deprecated: z.boolean(),
    /** Blueprint to use instead when deprecated. */
    replacedBy: name.optional(),
    prerelease: z.boolean(),
    containsSecurityUpdates: z.boolean(),
  })
  .superRefine((manifest, context) => {
    const parsed = parseSemver(manifest.version);
    if (parsed && manifest.prerelease !== parsed.prerelease.length > 0) {
      context.addIssue({
        code: "custom",
        path: ["prerelease"],
        message: "must be true exactly when the version has a prerelease part",
      });
    }
    if (manifest.changelog.some((entry) => entry.kind === "security") && !manifest.containsSecurityUpdates) {
      context.addIssue({
        code: "custom",
        path: ["containsSecurityUpdates"],
        message: "must be true when the changelog has a security entry",
      });
    }
    if (manifest.replacedBy !== undefined && !manifest.deprecated) {
      context.addIssue({
        code: "custom",
        path: ["replacedBy"],
        message: "only a deprecated blueprint is replaced",
      });
    }
    const names = new Set<string>();
    manifest.components.forEach((entry, index) => {
      if (names.has(entry.name)) {
        context.addIssue({
          code: "custom",
          path: ["components", index, "name"],
          message: "duplicate component",
        });
      }
      names.add(entry.name);
    });
  });

/** A validated `blueprint.yaml`. */
export type BlueprintManifest = z.infer<typeof BLUEPRINT_MANIFEST_SCHEMA>;
/** One pinned component of a blueprint. */
export type BlueprintComponent = BlueprintManifest["components"][number];
/** One typed changelog entry. */
export type BlueprintChange = BlueprintManifest["changelog"][number];
