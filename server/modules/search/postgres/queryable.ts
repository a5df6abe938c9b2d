/** What the provider needs from TypeORM: a DataSource, or the EntityManager of a transaction. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** Runs a query and types its rows (TypeORM returns them untyped; the SQL next to the call defines the shape). */
export async function queryRows<Row>(
  database: Queryable,
  sql: string,
  parameters: unknown[] = [],
): Promise<Row[]> {
  return (await database.query(sql, parameters)) as Row[];
}
