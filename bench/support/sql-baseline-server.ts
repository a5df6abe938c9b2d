import { ApolloServer } from "@apollo/server";
import { serveApollo } from "./serve-apollo.js";
import pg from "pg";

/**
 * A second, fairer baseline: bare Apollo Server + `pg` answering the directory with the same SQL the hub runs, and
 * nothing else (no sessions, policy, logging, metrics, loaders or ORM). The hub's ratio to it is the cost of the
 * hub's own machinery on a database-backed read. `node --import tsx bench/support/sql-baseline-server.ts <port> <url>`.
 */
const port = Number(process.argv[2]);
const databaseUrl = process.argv[3];
if (!Number.isInteger(port) || port <= 0 || !databaseUrl) {
  console.error("usage: sql-baseline-server.ts <port> <database-url>");
  process.exit(2);
}

const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
const DIRECTORY_SQL = `WITH filtered AS (SELECT c.*, count(*) OVER () AS total_count FROM cooperative c WHERE c.status = 'approved'),
  page AS (SELECT * FROM filtered c ORDER BY c.name, c.id LIMIT $1)
  SELECT c.slug, c.name, c.country, c.tier, c.total_count,
    (SELECT count(*) FROM membership m WHERE m.cooperative_id = c.id)::int AS member_count
  FROM page c ORDER BY c.name, c.id`;

const apollo = new ApolloServer({
  typeDefs: `type Cooperative { slug: String, name: String, country: String, tier: String, memberCount: Int }
    type CooperativeEdge { node: Cooperative }
    type CooperativeConnection { totalCount: Int, edges: [CooperativeEdge] }
    type Query { cooperatives(first: Int): CooperativeConnection }`,
  resolvers: {
    Query: {
      cooperatives: async (_parent: unknown, { first }: { first?: number }) => {
        const { rows } = await pool.query(DIRECTORY_SQL, [first ?? 20]);
        return {
          totalCount: Number(rows[0]?.total_count ?? 0),
          edges: rows.map((row) => ({
            node: { ...row, tier: String(row.tier).toUpperCase(), memberCount: row.member_count },
          })),
        };
      },
    },
  },
});
await apollo.start();

serveApollo(apollo, port, () => pool.end());
