import type { EntityManager, EntityMetadata, EntitySchema } from "typeorm";

const SELECT_LISTS = new WeakMap<EntityMetadata, Map<string, string>>();

/**
 * The select list `alias."column" AS "property", ...` of every column of `entity`, so a raw `manager.query` returns
 * rows shaped like the entity without TypeORM's query building and hydration (on the forum's hot reads, those cost
 * the hub more CPU than the rest of the request: bench/README.md, forum). Built from the entity's metadata, so a
 * column added later is selected too. Only for entities whose columns TypeORM does not transform (no transformers,
 * no `simple-*` types): the driver's own parsing (dates, numbers, arrays) is then what the entity gets as well.
 */
export function entityColumns(manager: EntityManager, entity: EntitySchema, alias: string): string {
  const metadata = manager.connection.getMetadata(entity);
  let lists = SELECT_LISTS.get(metadata);
  if (!lists) {
    lists = new Map();
    SELECT_LISTS.set(metadata, lists);
  }
  let list = lists.get(alias);
  if (!list) {
    list = metadata.columns
      .map((column) => {
        if (column.transformer || String(column.type).startsWith("simple-"))
          throw new Error(`${metadata.name}.${column.propertyName} needs TypeORM's hydration`);
        return `${alias}."${column.databaseName}" AS "${column.propertyName}"`;
      })
      .join(", ");
    lists.set(alias, list);
  }
  return list;
}
