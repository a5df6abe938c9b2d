import type { ParameterSchema } from "./check-parameter-schema.js";
import type { BlueprintManifest } from "./manifest-schema.js";

/** A template file; `path` is relative to `templates/` and becomes the rendered file's path. */
export interface BlueprintTemplateFile {
  path: string;
  text: string;
}

/** A named parameter set shipped in `examples/<name>.json`, e.g. for edge cases or the form. */
export interface BlueprintExample {
  name: string;
  values: unknown;
}

/** A blueprint folder that passed every format check, ready to render or package. */
export interface BlueprintSource {
  manifest: BlueprintManifest;
  schema: ParameterSchema;
  readme: string;
  /** Sorted by path. */
  templates: BlueprintTemplateFile[];
  /** Sorted by name. */
  examples: BlueprintExample[];
  /** Every file of the folder as given, for packaging and digests. */
  files: ReadonlyMap<string, Buffer>;
}
