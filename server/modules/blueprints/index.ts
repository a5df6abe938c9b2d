export type { BlueprintProblem } from "./format/blueprint-problem.js";
export type { BlueprintExample, BlueprintSource, BlueprintTemplateFile } from "./format/blueprint-source.js";
export { checkParameterSchema, type ParameterSchema } from "./format/check-parameter-schema.js";
export {
  BlueprintFormatError,
  type BlueprintLoadResult,
  loadBlueprintFolder,
  loadBlueprintFolderOrThrow,
} from "./format/load-folder.js";
export {
  BLUEPRINT_API_VERSION,
  BLUEPRINT_CATEGORIES,
  BLUEPRINT_KINDS,
  BLUEPRINT_MANIFEST_SCHEMA,
  type BlueprintChange,
  type BlueprintComponent,
  type BlueprintManifest,
  CHANGE_KINDS,
} from "./format/manifest-schema.js";
export { type ManifestParseResult, parseBlueprintManifest } from "./format/parse-manifest.js";
export { readBlueprintFolder } from "./format/read-folder.js";
export {
  compareSemver,
  isSemver,
  isSemverRange,
  parseSemver,
  type SemanticVersion,
  satisfiesSemverRange,
  sortSemverDescending,
} from "./format/semver.js";
export {
  BlueprintRenderError,
  type BlueprintRenderErrorCode,
  type RenderedBundle,
  renderBlueprint,
} from "./rendering/render-blueprint.js";
export { buildSha256Sums, type RenderedFile, sha256Hex } from "./rendering/sha256sums.js";
export { TEMPLATE_ERROR_CODES, TemplateError, type TemplateErrorCode } from "./rendering/template-error.js";
export { type ParameterValidationResult, validateParameters } from "./rendering/validate-parameters.js";
