import { createServer } from "node:http";
import type { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";

/**
 * Serves a started Apollo Server the way the baselines need: express 5, `/healthz`, `/graphql` with JSON bodies,
 * on 127.0.0.1:`port`; on SIGTERM it closes connections, stops Apollo, runs `onStop` and exits.
 */
export function serveApollo(
  apollo: ApolloServer,
  port: number,
  onStop: () => Promise<unknown> = async () => {},
): void {
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
      Promise.all([apollo.stop(), onStop()]).then(() => process.exit(0));
    });
    server.closeAllConnections();
  });
}
