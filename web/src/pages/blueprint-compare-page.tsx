import { ErrorList } from "../components/error-list.js";
import { Link } from "../lib/link.js";
import { usePageTitle } from "../lib/page-title.js";
import { useQuery } from "../lib/use-query.js";

const COMPARE_QUERY = `query Compare($name: String!, $from: String!, $to: String!) {
  compareBlueprintVersions(name: $name, from: $from, to: $to) {
    schemaChanges { kind path description }
    files { path status added removed hunks { oldStart newStart lines { kind text oldNumber newNumber } } }
    renderProblems
  }
}`;

interface CompareData {
  compareBlueprintVersions: {
    schemaChanges: Array<{ kind: string; path: string; description: string }>;
    files: Array<{
      path: string;
      status: string;
      added: number;
      removed: number;
      hunks: Array<{
        oldStart: number;
        newStart: number;
        lines: Array<{ kind: string; text: string; oldNumber: number | null; newNumber: number | null }>;
      }>;
    }>;
    renderProblems: string[];
  } | null;
}

const PREFIX: Record<string, string> = { added: "+", removed: "-", context: " " };

/** Two versions side by side: parameter schema changes and the diff of their default output. */
export function BlueprintComparePage({ name, range }: { name: string; range: string }) {
  const [from = "", to = ""] = range.split("...");
  usePageTitle(`${name} ${from} → ${to}`);
  const { data, errors, loading } = useQuery<CompareData>(COMPARE_QUERY, { name, from, to });
  const comparison = data?.compareBlueprintVersions;
  return (
    <div className="page">
      <p>
        <Link to={`/blueprints/${name}`}>← {name}</Link>
      </p>
      <h1>
        {name}: {from} → {to}
      </h1>
      <ErrorList errors={errors} />
      {loading ? <p>Loading…</p> : null}
      {comparison ? (
        <>
          <section className="panel" aria-labelledby="schema-heading">
            <h2 id="schema-heading">Parameter changes</h2>
            {comparison.schemaChanges.length === 0 ? <p>No parameter changes.</p> : null}
            <ul>
              {comparison.schemaChanges.map((change) => (
                <li key={`${change.path}-${change.description}`}>
                  <span className="badge badge-neutral">{change.kind.toLowerCase()}</span>{" "}
                  <code>{change.path}</code> {change.description}
                </li>
              ))}
            </ul>
          </section>
          <section className="panel" aria-labelledby="output-heading">
            <h2 id="output-heading">Rendered output with default parameters</h2>
            {comparison.renderProblems.map((problem) => (
              <p key={problem} className="notice notice-warning">
                {problem}
              </p>
            ))}
            {comparison.files.map((file) => (
              <details key={file.path} open={file.status !== "unchanged"}>
                <summary>
                  <code>{file.path}</code> {file.status} (+{file.added} −{file.removed})
                </summary>
                {file.hunks.map((hunk) => (
                  <pre key={`${hunk.oldStart}-${hunk.newStart}`} className="code-block diff">
                    <code>
                      {hunk.lines.map((line) => (
                        <span
                          key={`${line.kind}-${line.oldNumber ?? ""}-${line.newNumber ?? ""}`}
                          className={`diff-${line.kind}`}
                        >
                          {`${PREFIX[line.kind] ?? " "}${line.text}\n`}
                        </span>
                      ))}
                    </code>
                  </pre>
                ))}
              </details>
            ))}
          </section>
        </>
      ) : null}
    </div>
  );
}
