import { decodeCursor, pageSize, toConnection } from "../../graphql/connection.js";
import type { GraphQLContext } from "../../graphql/context.js";
import { toGraphqlEnum } from "../../graphql/enums.js";
import type { Resolvers } from "../../graphql/generated/resolvers-types.js";
import type { SearchFacetCounts, SearchViewer } from "./core/search-provider.js";
import { toSearchFilters } from "./search-filters-input.js";
import { maintainsAnyManual } from "../manuals/maintainer-access.js";
import { SearchMissEntity } from "./search-miss.entity.js";
import { selectsField } from "./selects-field.js";

/** The search module's view of the viewer: their cooperatives and hub roles, nothing else. */
export function searchViewerOf(context: GraphQLContext): SearchViewer {
  const viewer = context.viewer;
  if (!viewer) return { signedIn: false, cooperativeIds: [], roles: [] };
  return {
    personId: viewer.person.id,
    signedIn: true,
    cooperativeIds: [...viewer.memberships.keys()],
    roles: viewer.person.hubRoles,
  };
}

const facetValues = (counts: SearchFacetCounts) =>
  Object.entries(counts)
    .map(([value, count]) => ({ value, count }))
    .sort((first, second) => second.count - first.count || first.value.localeCompare(second.value));

export const searchResolvers: Resolvers = {
  Query: {
    search: async (_parent, { query, filters, first, after, context: searchContext }, context, info) => {
      const structured = toSearchFilters(filters);
      const { parsed, result } = await context.search.search(
        query,
        searchViewerOf(context),
        { first: pageSize(first), after: after ?? undefined, facets: selectsField(info, "facets") },
        { release: searchContext?.release ?? undefined },
        structured,
      );
      return {
        edges: result.hits.map((hit) => ({
          cursor: hit.cursor,
          node: {
            type: toGraphqlEnum(hit.type),
            objectId: hit.id,
            title: hit.title,
            url: hit.url,
            snippetHtml: hit.snippetHtml,
            release: hit.release ?? null,
            cooperativeSlug: hit.cooperativeSlug ?? null,
            updatedAt: hit.updatedAt,
          },
        })),
        pageInfo: {
          hasNextPage: result.pageInfo.hasNextPage,
          hasPreviousPage: Boolean(after),
          startCursor: result.hits[0]?.cursor ?? null,
          endCursor: result.pageInfo.endCursor ?? null,
        },
        totalCount: result.totalCount,
        totalIsLowerBound: result.totalIsLowerBound === true,
        facets: {
          type: facetValues(result.facets.type).map((facet) => ({
            ...facet,
            value: toGraphqlEnum(facet.value),
          })),
          category: facetValues(result.facets.category),
          tag: facetValues(result.facets.tag),
          cooperative: facetValues(result.facets.cooperative),
          release: facetValues(result.facets.release),
        },
        notices: parsed.notices,
        truncated: parsed.truncated,
      };
    },
    searchMisses: async (_parent, { first, after }, context) => {
      context.policy.requireViewer();
      context.policy.authorize("search.readMisses", {
        maintainsAManual: await maintainsAnyManual(context.dataSource.manager, context.viewer),
      });
      const size = pageSize(first, 50);
      const builder = context.dataSource.manager.createQueryBuilder(SearchMissEntity, "miss");
      if (after) {
        const [count, query] = decodeCursor(after, 2);
        builder.where("(miss.count, miss.query) < (:count, :query)", { count, query });
      }
      const rows = await builder
        .orderBy("miss.count", "DESC")
        .addOrderBy("miss.query", "DESC")
        .take(size + 1)
        .getMany();
      return toConnection(rows, size, (row) => [row.count, row.query], Boolean(after));
    },
  },
};
