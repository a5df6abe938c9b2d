import { createServer } from "node:http";
import express from "express";

/**
 * The yardstick for file downloads: express 5's `express.static` serving a directory, nothing else. Run as a
 * child process: `node --import tsx bench/support/static-server.ts <port> <directory>`; stops on SIGTERM.
 */
const port = Number(process.argv[2]);
const directory = process.argv[3];
if (!Number.isInteger(port) || port <= 0 || !directory) {
  console.error("usage: static-server.ts <port> <directory>");
  process.exit(2);
}

const app = express();
app.disable("x-powered-by");
app.get("/healthz", (_request, response) => {
  response.json({ status: "ok" });
});
app.use("/charts", express.static(directory));

const server = createServer(app);
server.listen(port, "127.0.0.1");
process.on("SIGTERM", () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
