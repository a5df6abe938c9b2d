import { Link } from "../../lib/link.js";
import { facetOperator, RESULT_TYPE_LABELS, type SearchResultsData } from "../../lib/search-types.js";

type Facets = NonNullable<SearchResultsData["search"]>["facets"];

const FACET_TITLES: Record<keyof Facets, string> = {
  type: "Type",
  category: "Category",
  tag: "Tag",
  cooperative: "Cooperative",
  release: "Release",
};

/** Facet counts; each value is a link that adds its operator to the query. */
export function SearchFacets({ query, facets }: { query: string; facets: Facets }) {
  const groups = (Object.keys(FACET_TITLES) as Array<keyof Facets>).filter((key) => facets[key].length > 0);
  if (groups.length === 0) return null;
  return (
    <aside className="search-facets" aria-label="Refine">
      {groups.map((key) => (
        <section key={key}>
          <h2>{FACET_TITLES[key]}</h2>
          <ul>
            {facets[key].map((facet) => {
              const refined = `${query} ${facetOperator(key, facet.value)}`.trim();
              const label = key === "type" ? (RESULT_TYPE_LABELS[facet.value] ?? facet.value) : facet.value;
              return (
                <li key={facet.value}>
                  <Link to={`/search?q=${encodeURIComponent(refined)}`}>{label}</Link>{" "}
                  <span className="muted">{facet.count}</span>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </aside>
  );
}
