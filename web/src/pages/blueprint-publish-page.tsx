import { type FormEvent, useState } from "react";
import { ErrorList } from "../components/error-list.js";
import { FormField } from "../components/form-field.js";
import { SignInPrompt } from "../components/sign-in-prompt.js";
import { fieldProblems } from "../lib/graphql.js";
import { Link } from "../lib/link.js";
import { usePageTitle } from "../lib/page-title.js";
import { useMutation } from "../lib/use-mutation.js";
import { useQuery } from "../lib/use-query.js";
import { useViewer } from "../lib/viewer.js";

const ADMIN_OF_QUERY = `query PublishTargets {
  viewer { memberships(first: 100) { edges { node { role cooperative { id slug name status } } } } }
}`;

const PUBLISH = `mutation Publish($input: PublishBlueprintVersionInput!) {
  publishBlueprintVersion(input: $input) {
    created blueprint { name } version { version digest signature { status } }
  }
}`;

interface Targets {
  viewer: {
    memberships: {
      edges: Array<{
        node: { role: string; cooperative: { id: string; slug: string; name: string; status: string } };
      }>;
    };
  } | null;
}

interface Published {
  publishBlueprintVersion: {
    created: boolean;
    blueprint: { name: string };
    version: { version: string; digest: string; signature: { status: string } };
  } | null;
}

/** The GraphQL API takes requests up to 1 MB; base64 makes a file a third larger. */
const MAX_FORM_BYTES = 700 * 1024;

function toBase64(bytes: ArrayBuffer): string {
  let binary = "";
  const view = new Uint8Array(bytes);
  for (let index = 0; index < view.length; index += 0x8000)
    binary += String.fromCharCode(...view.subarray(index, index + 0x8000));
  return btoa(binary);
}

/** Publishing a blueprint version under one of the viewer's cooperatives (admins), with an optional signature. */
export function BlueprintPublishPage() {
  usePageTitle("Publish a blueprint");
  const viewer = useViewer();
  const targets = useQuery<Targets>(ADMIN_OF_QUERY);
  const publish = useMutation<Published>(PUBLISH);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState("");
  const [cooperativeId, setCooperativeId] = useState("");
  const [fingerprint, setFingerprint] = useState("");
  const [signature, setSignature] = useState("");
  const [result, setResult] = useState<Published["publishBlueprintVersion"]>(null);
  if (!viewer.loading && !viewer.person) return <SignInPrompt action="publish a blueprint" />;
  const cooperatives = (targets.data?.viewer?.memberships.edges ?? [])
    .map((edge) => edge.node)
    .filter((membership) => membership.role === "ADMIN" && membership.cooperative.status === "APPROVED")
    .map((membership) => membership.cooperative);
  const problems = fieldProblems(publish.errors);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    if (!file) return setFileError("Choose the blueprint's .tgz");
    if (file.size > MAX_FORM_BYTES)
      return setFileError(
        "Larger than 700 KiB: publish it with POST /api/blueprints/publish and an API token",
      );
    setFileError("");
    const response = await publish.run({
      input: {
        cooperativeId: cooperativeId || cooperatives[0]?.id,
        tarball: toBase64(await file.arrayBuffer()),
        signature:
          fingerprint || signature
            ? { keyFingerprint: fingerprint.trim(), signature: signature.trim() }
            : null,
      },
    });
    setResult(response.data?.publishBlueprintVersion ?? null);
  };

  return (
    <div className="page">
      <p>
        <Link to="/blueprints">← All blueprints</Link>
      </p>
      <h1>Publish a blueprint version</h1>
      <p className="lead">
        Upload the blueprint folder as a <code>.tgz</code>. Versions are immutable: the same version with
        other files is refused. Sign the folder's <code>SHA256SUMS</code> listing with a key registered to
        your cooperative.
      </p>
      {!targets.loading && cooperatives.length === 0 ? (
        <p className="notice notice-warning">
          Only admins of an approved cooperative can publish blueprints.
        </p>
      ) : (
        <form className="panel" onSubmit={(event) => void submit(event)}>
          <FormField label="Cooperative">
            <select value={cooperativeId} onChange={(event) => setCooperativeId(event.target.value)}>
              {cooperatives.map((cooperative) => (
                <option key={cooperative.id} value={cooperative.id}>
                  {cooperative.name}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Blueprint archive (.tgz)" error={fileError || problems.tarball}>
            <input
              type="file"
              accept=".tgz,.tar.gz,application/gzip"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          </FormField>
          <FormField label="Signing key fingerprint (optional)" error={problems["signature.keyFingerprint"]}>
            <input type="text" value={fingerprint} onChange={(event) => setFingerprint(event.target.value)} />
          </FormField>
          <FormField label="Signature, base64 (optional)" error={problems["signature.signature"]}>
            <input type="text" value={signature} onChange={(event) => setSignature(event.target.value)} />
          </FormField>
          <ErrorList errors={publish.errors} />
          <button type="submit" className="button button-primary" disabled={publish.pending}>
            Publish
          </button>
        </form>
      )}
      {result ? (
        <p className="notice notice-success" role="status">
          {result.created ? "Published" : "Already published with the same content:"}{" "}
          <Link to={`/blueprints/${result.blueprint.name}/versions/${result.version.version}`}>
            {result.blueprint.name} {result.version.version}
          </Link>{" "}
          (<code>{result.version.digest}</code>, signature {result.version.signature.status.toLowerCase()})
        </p>
      ) : null}
    </div>
  );
}
