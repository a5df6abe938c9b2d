import { ApolloServer } from "@apollo/server";
import { serveApollo } from "./serve-apollo.js";

/**
 * The baseline: a bare Apollo Server 5 on express 5 answering a constant, with Apollo's defaults (CSRF prevention
 * on) and nothing else: no database, sessions, logging or metrics. Run as a child process by the benchmarks:
 * `node --import tsx bench/support/baseline-server.ts <port>`; stops on SIGTERM.
 */
const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) {
  console.error("usage: baseline-server.ts <port>");
  process.exit(2);
}

const apollo = new ApolloServer({
  typeDefs: "type Query { hello: String }",
  resolvers: { Query: { hello: () => "world" } },
});
await apollo.start();

serveApollo(apollo, port);
