const OPERATORS: Array<[string, string]> = [
  ["type:manual", "only manual pages (also post, topic, blueprint, cluster)"],
  ["category:day-two", "in a forum category"],
  ["tag:metallb", "with a tag"],
  ["@ada", "written by a person"],
  ["coop:green-hosting", "belonging to a cooperative"],
  ["release:2026.11", "in a manual release"],
  ["status:solved", "forum topics with an accepted answer (or unsolved)"],
  ["in:title", "words must be in the title"],
  ["after:2026-01-01 before:2026-07-01", "created in a period"],
  ['"control plane"', "an exact phrase"],
  ["-ingress", "without a word (also -tag:legacy)"],
];

/** The operators people can type, with an example each. */
export function SearchHelp() {
  return (
    <details className="search-help">
      <summary>Search operators</summary>
      <dl>
        {OPERATORS.map(([example, meaning]) => (
          <div key={example}>
            <dt>
              <code>{example}</code>
            </dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
