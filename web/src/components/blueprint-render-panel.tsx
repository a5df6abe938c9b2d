import { useState } from "react";
import { type GraphqlError, graphqlRequest } from "../lib/graphql.js";
import { ErrorList } from "./error-list.js";
import { BlueprintParameterForm, initialValues } from "./blueprint-parameter-form.js";
import type { ParameterProblems, SchemaNode } from "./blueprint-types.js";

const RENDER_QUERY = `query Render($name: String!, $version: String!, $parameters: JSON) {
  renderBlueprint(name: $name, version: $version, parameters: $parameters) {
    bundleDigest sha256sums files { path sha256 }
  }
}`;

interface Rendered {
  bundleDigest: string;
  sha256sums: string;
  files: Array<{ path: string; sha256: string }>;
}

/** ajv's pattern messages quote the regular expression; the field's hint already says what is expected. */
function friendly(message: string): string {
  return message.startsWith("must match pattern") ? "does not have the expected format (see above)" : message;
}

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * Parameters as a generated form, a preview render (files, SHA256SUMS, the bundle's digest) and the download of
 * the rendered bundle, whose digest the browser checks against the one announced before offering the file.
 */
export function BlueprintRenderPanel({
  name,
  version,
  schema,
  example,
}: {
  name: string;
  version: string;
  schema: SchemaNode;
  example: unknown;
}) {
  const [values, setValues] = useState(() => initialValues(schema, example));
  const [problems, setProblems] = useState<ParameterProblems>({});
  const [errors, setErrors] = useState<GraphqlError[]>([]);
  const [rendered, setRendered] = useState<Rendered | null>(null);
  const [download, setDownload] = useState<{ url: string; fileName: string; verified: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const render = async () => {
    setBusy(true);
    setDownload(null);
    const response = await graphqlRequest<{ renderBlueprint: Rendered }>(RENDER_QUERY, {
      name,
      version,
      parameters: values,
    });
    setBusy(false);
    const byPath: ParameterProblems = {};
    for (const error of response.errors) {
      for (const problem of (error.extensions?.problems ?? []) as Array<{
        field: string;
        message: string;
        path?: string;
      }>) {
        if (problem.path !== undefined) byPath[problem.path] ??= friendly(problem.message);
      }
    }
    setProblems(byPath);
    setErrors(response.errors);
    setRendered(response.data?.renderBlueprint ?? null);
  };

  const fetchBundle = async () => {
    if (!rendered) return;
    setBusy(true);
    const response = await fetch(`/api/blueprints/${name}/${version}/render`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(values),
    });
    const bytes = await response.arrayBuffer();
    setBusy(false);
    if (!response.ok) {
      setErrors([{ message: `The bundle could not be rendered (HTTP ${response.status}).` }]);
      return;
    }
    const verified = `sha256:${await sha256Hex(bytes)}` === rendered.bundleDigest;
    const url = URL.createObjectURL(new Blob([bytes], { type: "application/gzip" }));
    setDownload({ url, fileName: `${name}-${version}-rendered.tgz`, verified });
  };

  return (
    <section className="panel" aria-labelledby="render-heading">
      <h2 id="render-heading">Parameters</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void render();
        }}
      >
        <BlueprintParameterForm schema={schema} values={values} problems={problems} onChange={setValues} />
        <ErrorList errors={errors} />
        <button type="submit" className="button button-primary" disabled={busy}>
          Render
        </button>
      </form>
      {rendered ? (
        <div className="render-result">
          <h3>Rendered files</h3>
          <p>
            Bundle digest: <code data-testid="bundle-digest">{rendered.bundleDigest}</code>
          </p>
          <ul className="file-list">
            {rendered.files.map((file) => (
              <li key={file.path}>
                <code>{file.path}</code> <code className="digest">{file.sha256.slice(0, 12)}…</code>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void fetchBundle()}
            disabled={busy}
          >
            Prepare rendered bundle
          </button>
          {download ? (
            <p>
              <a className="button button-primary" href={download.url} download={download.fileName}>
                Download {download.fileName}
              </a>{" "}
              <span className={download.verified ? "badge badge-success" : "badge badge-danger"}>
                {download.verified ? "Digest verified" : "Digest mismatch"}
              </span>
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
