import { type FormEvent, useEffect, useId, useState } from "react";
import { graphqlRequest } from "../../lib/graphql.js";
import { Link } from "../../lib/link.js";
import { navigate } from "../../lib/router.js";
import {
  RESULT_TYPE_LABELS,
  SEARCH_BOX_QUERY,
  type SearchBoxData,
  type SearchHitNode,
} from "../../lib/search-types.js";

const DEBOUNCE_MS = 180;

/** Groups hits by type, keeping the order in which types first appear. */
function groupByType(hits: SearchHitNode[]): Array<[string, SearchHitNode[]]> {
  const groups = new Map<string, SearchHitNode[]>();
  for (const hit of hits) groups.set(hit.type, [...(groups.get(hit.type) ?? []), hit]);
  return [...groups];
}

/**
 * The header search box: instant results grouped by type while typing (debounced, stale answers dropped),
 * Enter opens the full results page.
 */
export function SearchBox() {
  const [text, setText] = useState("");
  const [hits, setHits] = useState<SearchHitNode[] | null>(null);
  const listId = useId();

  useEffect(() => {
    const query = text.trim();
    if (query.length < 2) {
      setHits(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      graphqlRequest<SearchBoxData>(SEARCH_BOX_QUERY, { query, first: 6 }).then((response) => {
        if (current) setHits(response.data?.search?.edges.map((edge) => edge.node) ?? []);
      });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setHits(null);
    navigate(`/search?q=${encodeURIComponent(text.trim())}`);
  };

  return (
    <search className="search-box">
      <form onSubmit={submit}>
        <label htmlFor={`${listId}-input`} className="visually-hidden">
          Search the hub
        </label>
        <input
          id={`${listId}-input`}
          type="search"
          placeholder="Search…"
          autoComplete="off"
          value={text}
          aria-controls={hits ? listId : undefined}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape") setHits(null);
          }}
        />
        {hits ? (
          <div id={listId} className="search-instant" aria-live="polite">
            {hits.length === 0 ? <p className="muted">Nothing found. Press Enter for all results.</p> : null}
            {groupByType(hits).map(([type, group]) => (
              <section key={type} aria-label={RESULT_TYPE_LABELS[type] ?? type}>
                <h2 className="search-group">{RESULT_TYPE_LABELS[type] ?? type}</h2>
                <ul>
                  {group.map((hit) => (
                    <li key={`${hit.type}-${hit.objectId}`}>
                      <Link to={hit.url} onClick={() => setHits(null)}>
                        {hit.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        ) : null}
      </form>
    </search>
  );
}
