import { stringify } from "yaml";
import type { BlueprintSource } from "../format/blueprint-source.js";
import { sha256OfBytes } from "../package/file-listing.js";
import { writeDeterministicTarGz } from "../package/tar-writer.js";
import { compileTemplate } from "../rendering/template-parser.js";
import { validateParameters } from "../rendering/validate-parameters.js";
import { NotChartable, toHelmTemplate } from "./to-helm-template.js";

/** The templates that become chart templates: Kubernetes manifests only (kubeadm files and values are not). */
const CHART_TEMPLATE_PREFIX = "manifests/";

/** Chart.yaml (apiVersion v2) of a blueprint version; also the source of its `index.yaml` entry. */
export function chartMetadata(source: BlueprintSource): Record<string, unknown> {
  const { manifest } = source;
  const appVersion = manifest.components.find((component) => component.appVersion)?.appVersion;
  const home = manifest.links.find((link) => link.url.startsWith("https://"))?.url;
  return {
    apiVersion: "v2",
    name: manifest.name,
    version: manifest.version,
    ...(appVersion ? { appVersion } : {}),
    description: manifest.description,
    type: "application",
    keywords: manifest.keywords,
    ...(home ? { home } : {}),
    kubeVersion: manifest.compatibility.kubernetes,
    maintainers: manifest.maintainers.map(({ name, email, url }) => ({
      name,
      ...(email ? { email } : {}),
      ...(url?.startsWith("https://") ? { url } : {}),
    })),
    ...(manifest.deprecated ? { deprecated: true } : {}),
    annotations: {
      "alliance-hub/blueprint-kind": manifest.kind,
      "alliance-hub/category": manifest.category,
      ...(manifest.containsSecurityUpdates ? { "alliance-hub/contains-security-updates": "true" } : {}),
    },
  };
}

/** A packaged chart: the `.tgz` bytes and their sha256 (hex). */
export interface PackagedChart {
  bytes: Buffer;
  sha256: string;
}

/**
 * Packages an AppBlueprint as a Helm chart, or returns undefined when it cannot be one (a ClusterBlueprint, no
 * `manifests/` templates, or a construct without a Helm equivalent). The parameters become Helm values:
 * `values.schema.json` is the parameter schema (Helm validates against it), `values.yaml` holds the schema's
 * defaults for the `defaults` example, and each `templates/manifests/*` file is translated to a Go template.
 * Deterministic like every archive of the hub, so its digest is stable.
 */
export function buildChart(source: BlueprintSource): PackagedChart | undefined {
  const { manifest } = source;
  if (manifest.kind !== "AppBlueprint") return undefined;
  const manifests = source.templates.filter((template) => template.path.startsWith(CHART_TEMPLATE_PREFIX));
  if (manifests.length === 0) return undefined;
  const files: Array<{ path: string; content: Buffer }> = [];
  try {
    for (const template of manifests) {
      const compiled = compileTemplate(template.text, `templates/${template.path}`);
      const path = `templates/${template.path.slice(CHART_TEMPLATE_PREFIX.length)}`;
      files.push({ path, content: Buffer.from(toHelmTemplate(compiled), "utf8") });
    }
  } catch (error) {
    if (error instanceof NotChartable) return undefined;
    throw error;
  }
  const defaults = source.examples.find((example) => example.name === "defaults")?.values ?? {};
  const values = validateParameters(source.schema, defaults);
  files.push(
    { path: "Chart.yaml", content: Buffer.from(stringify(chartMetadata(source)), "utf8") },
    { path: "values.yaml", content: Buffer.from(stringify(values.ok ? values.values : {}), "utf8") },
    {
      path: "values.schema.json",
      content: Buffer.from(`${JSON.stringify(source.schema, null, 2)}\n`, "utf8"),
    },
    { path: "README.md", content: Buffer.from(source.readme, "utf8") },
  );
  const bytes = writeDeterministicTarGz(
    files.map((file) => ({ ...file, path: `${manifest.name}/${file.path}` })),
  );
  return { bytes, sha256: sha256OfBytes(bytes) };
}
