import { useMutation } from "../lib/use-mutation.js";
import { formatDate } from "../lib/format.js";
import { CreateApiTokenForm } from "./create-api-token-form.js";
import { ErrorList } from "./error-list.js";

/** A personal API token as the profile lists it (never its secret). */
export interface ApiTokenEntry {
  id: string;
  name: string;
  scopes: string[];
  displayPrefix: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const REVOKE = `mutation RevokeToken($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { apiToken { id revokedAt } } }`;

/** The viewer's API tokens: the list with revoke buttons, and the form to create one. */
export function ApiTokensSection({
  tokens,
  onChanged,
}: {
  tokens: readonly ApiTokenEntry[];
  onChanged: () => void;
}) {
  const revoke = useMutation(REVOKE);
  const revokeOne = async (id: string) => {
    const response = await revoke.run({ input: { id } });
    if (response.errors.length === 0) onChanged();
  };
  return (
    <section className="panel" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">API tokens</h2>
      <p className="muted">
        Personal tokens let scripts and the cluster agent call the API as you, sent as{" "}
        <code>Authorization: Bearer …</code>.
      </p>
      <ErrorList errors={revoke.errors} />
      {tokens.length === 0 ? (
        <p>You have no API tokens.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">Your API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Scopes</th>
                <th scope="col">Prefix</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td>{token.scopes.map((scope) => scope.toLowerCase()).join(", ")}</td>
                  <td>
                    <code>{token.displayPrefix}…</code>
                  </td>
                  <td>{formatDate(token.expiresAt)}</td>
                  <td>{token.lastUsedAt ? formatDate(token.lastUsedAt) : "Never"}</td>
                  <td>
                    {token.revokedAt ? (
                      <span className="badge badge-danger">Revoked {formatDate(token.revokedAt)}</span>
                    ) : (
                      <button
                        type="button"
                        className="button button-danger-ghost button-small"
                        disabled={revoke.pending}
                        onClick={() => revokeOne(token.id)}
                        aria-label={`Revoke ${token.name}`}
                      >
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CreateApiTokenForm onCreated={onChanged} />
    </section>
  );
}
