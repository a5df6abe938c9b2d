import DataLoader from "dataloader";
import type { GraphQLContext } from "../../../graphql/context.js";
import type { ForumWatchLevel } from "../forum-topic-watch.entity.js";

/** Per-request loaders of category-level watching (a category list asks for every category at once). */
export interface WatchLoaders {
  defaultLevel: DataLoader<string, ForumWatchLevel | null>;
  viewerCategoryLevel: DataLoader<string, ForumWatchLevel | null>;
}

const LOADERS = new WeakMap<GraphQLContext, WatchLoaders>();

function levelsLoader(context: GraphQLContext, sql: string, withViewer: boolean) {
  const viewerId = context.viewer?.person.id ?? null;
  return new DataLoader<string, ForumWatchLevel | null>(async (ids) => {
    if (withViewer && viewerId === null) return ids.map(() => null);
    const rows: Array<{ category_id: string; level: ForumWatchLevel }> = await context.dataSource.query(
      sql,
      withViewer ? [[...ids], viewerId] : [[...ids]],
    );
    const index = new Map(rows.map((row) => [row.category_id, row.level]));
    return ids.map((id) => index.get(id) ?? null);
  });
}

/** The request's watch loaders, created on first use. */
export function watchLoaders(context: GraphQLContext): WatchLoaders {
  let loaders = LOADERS.get(context);
  if (!loaders) {
    loaders = {
      defaultLevel: levelsLoader(
        context,
        "SELECT category_id, level FROM forum_category_watch_default WHERE category_id = ANY($1::uuid[])",
        false,
      ),
      viewerCategoryLevel: levelsLoader(
        context,
        "SELECT category_id, level FROM forum_category_watch WHERE category_id = ANY($1::uuid[]) AND person_id = $2",
        true,
      ),
    };
    LOADERS.set(context, loaders);
  }
  return loaders;
}
