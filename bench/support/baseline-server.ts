import { createServer } from "node:http";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";

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

const app = express();
app.disable("x-powered-by");
app.get("/healthz", (_request, response) => {
  response.json({ status: "ok" });
});
app.use("/graphql", express.json({ limit: "1mb" }), expressMiddleware(apollo));

const server = createServer(app);
server.listen(port, "127.0.0.1");
process.on("SIGTERM", () => {
  server.close(() => {
    apollo.stop().then(() => process.exit(0));
  });
  server.closeAllConnections();
});
