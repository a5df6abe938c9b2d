import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import session from "express-session";
import { createDevOidcProvider, DEMO_PEOPLE } from "./auth/dev-provider/index.js";
import { authRoutes } from "./auth/auth-routes.js";
import { createOidcClient, type OidcClient } from "./auth/oidc-client.js";
import { DatabaseSessionStore } from "./auth/session/database-session-store.js";
import "./auth/session/session-data.js";
import { resolveSessionSecret } from "./auth/session-secret.js";
import { type Clock, systemClock } from "./clock.js";
import type { HubConfig } from "./config.js";
import { type HubDatabase, migrate, openDatabase } from "./db/data-source.js";
import { syncContent } from "./content/sync-content.js";
import { createGraphqlServer } from "./graphql/create-graphql-server.js";
import { createRequestContext } from "./graphql/request-context.js";
import { createLogger, type Logger } from "./logger.js";
import { type BlueprintJobs, startBlueprintJobs } from "./modules/blueprints/blueprint-jobs.js";
import { blueprintRoutes } from "./modules/blueprints/http/blueprint-routes.js";
import { createSearchEngine } from "./modules/search/create-search-engine.js";
import { registerSearchIndexer } from "./modules/search/search-indexer.js";
import { SearchService } from "./modules/search/search-service.js";
import { seedDemoCooperatives } from "./modules/cooperatives/demo-seed.js";
import { type ClusterJobs, startClusterJobs } from "./modules/clusters/cluster-jobs.js";
import { clusterRoutes } from "./modules/clusters/cluster-routes.js";
import { manualAssetRoutes } from "./modules/manuals/http/manual-asset-routes.js";
import { startDemoClusters } from "./modules/clusters/demo-clusters.js";
import { startPlacementQueue } from "./modules/placement/commands/queue-runner.js";
import { healthRoutes } from "./ops/health-routes.js";
import { createMetrics } from "./ops/metrics.js";
import { RateLimiter } from "./ops/rate-limiter.js";
import { requestContext } from "./ops/request-context.js";
import { sameOriginOnly } from "./ops/same-origin.js";
import { securityHeaders } from "./ops/security-headers.js";
import { forumFeedRoutes } from "./modules/forum/forum-feeds.js";
import { type ForumFanoutJobs, startForumFanoutJobs } from "./modules/forum/fanout/forum-fanout-jobs.js";
import { type ForumMailJobs, startForumMailJobs } from "./modules/forum/mail/forum-mail-jobs.js";
import { unsubscribeRoutes } from "./modules/forum/mail/unsubscribe-routes.js";
import { webAppRoutes } from "./web-app.js";

/** A running hub. */
export interface Hub {
  url: string;
  server: Server;
  database: HubDatabase;
  logger: Logger;
  /** Member cluster background jobs (lease sweeper, history); tests drive `clusters.sweeper.sweep(now)`. */
  clusters: ClusterJobs;
  /** Blueprint background work; tests call `blueprints.flushDownloads()` to see counts in the database. */
  blueprints: BlueprintJobs;
  /** Forum email delivery and digests; tests drive `forumMail.deliver()` and `forumMail.queueDigests()`. */
  forumMail: ForumMailJobs;
  /** Fan-out of new posts to their watchers (shortly after each post); tests drain it with `forumFanout.deliver()`. */
  forumFanout: ForumFanoutJobs;
  /** Graceful stop: refuse new work, finish what runs (up to `graceMs`), close the database. */
  close(graceMs?: number): Promise<void>;
}

/** The official content shipped with the hub (manuals, blueprints). */
export const CONTENT_DIRECTORY = fileURLToPath(new URL("../content/", import.meta.url));

const HOUSEKEEPING_INTERVAL_MS = 10 * 60_000;
const DEV_CLIENT_ID = "alliance-hub-dev";

/** Starts the whole hub: database and migrations, HTTP server, sign-in, GraphQL API and web app. */
export async function startHub(
  config: HubConfig,
  options: { clock?: Clock; logger?: Logger } = {},
): Promise<Hub> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = await openDatabase(config.database);
  const applied = await migrate(database.dataSource);
  if (applied.length) logger.info({ applied }, "migrations applied");
  const { dataSource } = database;
  // The search engine is chosen before the content sync, so pages synced at start reach the configured engine
  // (with Meilisearch, through the outbox) rather than the PostgreSQL fallback.
  const searchEngine = createSearchEngine(config, dataSource, logger, clock);
  registerSearchIndexer(dataSource, searchEngine.indexer);
  if (config.contentSyncOnStart) {
    await syncContent({ dataSource, contentDirectory: CONTENT_DIRECTORY, clock, logger });
  }

  // Listen first: the public URL (and so the development issuer) depends on the port actually bound.
  // Until the app is assembled, requests (a readiness probe, an eager browser) get a quick 503, never a hang.
  let handler: ((request: IncomingMessage, response: ServerResponse) => void) | undefined;
  const server = createServer((request, response) => {
    if (handler) return handler(request, response);
    response
      .writeHead(503, { "content-type": "application/json", "retry-after": "1" })
      .end('{"status":"starting"}');
  });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const port = (server.address() as AddressInfo).port;
  const publicUrl = config.publicUrl ?? `http://localhost:${port}`;
  const publicOrigin = new URL(publicUrl).origin;

  const metrics = createMetrics(() => {
    const pool = (
      dataSource.driver as unknown as {
        master?: { totalCount: number; idleCount: number; waitingCount: number };
      }
    ).master;
    return { total: pool?.totalCount ?? 0, idle: pool?.idleCount ?? 0, waiting: pool?.waitingCount ?? 0 };
  });
  const rateLimiter = new RateLimiter(dataSource, clock);
  const search = new SearchService(searchEngine.provider, searchEngine.indexer, dataSource, clock);
  const stopSearchDelivery = searchEngine.start();
  const sessionStore = new DatabaseSessionStore(dataSource, clock, config.session.maxAgeHours * 3_600_000);
  let shuttingDown = false;

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy);
  app.use(requestContext(logger, metrics));
  app.use(healthRoutes(dataSource, metrics, () => shuttingDown));

  let oidcIssuer: string;
  let oidcClientSecret: string;
  let oidcClientId: string;
  if (config.oidc.kind === "development") {
    oidcIssuer = `${publicUrl}/oidc`;
    oidcClientId = DEV_CLIENT_ID;
    oidcClientSecret = randomBytes(24).toString("base64url");
    const devProvider = await createDevOidcProvider({
      issuer: oidcIssuer,
      clients: [
        {
          clientId: DEV_CLIENT_ID,
          clientSecret: oidcClientSecret,
          redirectUris: [`${publicUrl}/auth/callback`],
          postLogoutRedirectUris: [`${publicUrl}/`],
        },
      ],
      people: DEMO_PEOPLE,
      cookieKeys: [randomBytes(24).toString("base64url")],
      now: () => clock.now(),
      trustProxy: config.trustProxy,
      production: config.environment === "production",
    });
    app.use("/oidc", devProvider.handler);
    if (config.demoSeed) await seedDemoCooperatives(dataSource, oidcIssuer, clock.now());
    logger.warn(
      { issuer: oidcIssuer },
      "using the built-in development OpenID provider (demo people, not for production)",
    );
  } else {
    oidcIssuer = config.oidc.issuer;
    oidcClientId = config.oidc.clientId;
    oidcClientSecret = config.oidc.clientSecret;
  }

  app.use(
    securityHeaders(
      config.oidc.kind === "external" ? new URL(oidcIssuer).origin : undefined,
      publicUrl.startsWith("https:"),
    ),
  );
  const sessions = session({
    name: "hub.sid",
    secret: resolveSessionSecret(
      config.session.secret,
      config.dataDir,
      config.database.kind === "pglite" && config.database.dataDir === "memory://",
    ),
    store: sessionStore,
    resave: false,
    saveUninitialized: false,
    rolling: false,
    cookie: {
      httpOnly: true,
      sameSite: "lax",
      secure: publicUrl.startsWith("https:"),
      maxAge: config.session.maxAgeHours * 3_600_000,
    },
  });
  // Requests without a session cookie (API tokens, agents, anonymous reads) skip the session machinery; sign-in
  // routes always need it (they keep the OIDC state there).
  app.use((request, response, next) =>
    request.path.startsWith("/auth/") || request.headers.cookie?.includes("hub.sid=")
      ? sessions(request, response, next)
      : next(),
  );

  let oidcClient: Promise<OidcClient> | undefined;
  const getOidcClient = () => {
    oidcClient ??= createOidcClient({
      issuer: oidcIssuer,
      clientId: oidcClientId,
      clientSecret: oidcClientSecret,
      callbackUrl: `${publicUrl}/auth/callback`,
      claims: config.identityClaims,
    }).catch((error: unknown) => {
      oidcClient = undefined; // try discovery again on the next sign-in
      throw error;
    });
    return oidcClient;
  };
  app.post("/auth/logout", sameOriginOnly(publicOrigin));
  app.use(
    authRoutes({
      dataSource,
      clock,
      rateLimiter,
      signInPerMinute: config.rateLimits.signInPerMinute,
      oidcClient: getOidcClient,
      publicUrl,
    }),
  );

  const graphqlServer = createGraphqlServer({
    config,
    logger,
    metrics,
    rateLimiter,
    clientKey: (context) =>
      context.viewer?.person.id ??
      (context.agent ? `cluster:${context.agent.clusterId}` : context.clientAddress),
  });
  await graphqlServer.start();
  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    expressMiddleware(graphqlServer, {
      context: createRequestContext({ config, dataSource, clock, publicUrl, search }),
    }),
  );
  app.use(
    blueprintRoutes({
      dataSource,
      clock,
      publicUrl,
      stepUpMaxAgeMinutes: config.session.stepUpMaxAgeMinutes,
    }),
  );
  app.use(clusterRoutes({ dataSource, clock, publicUrl }));
  app.use(forumFeedRoutes({ dataSource, publicUrl }));
  app.use(manualAssetRoutes({ dataSource, contentDirectory: CONTENT_DIRECTORY }));
  app.use(unsubscribeRoutes({ dataSource, clock }));
  app.use(webAppRoutes());
  app.use(
    (error: unknown, request: express.Request, response: express.Response, _next: express.NextFunction) => {
      request.log.error({ err: error }, "unhandled error");
      if (!response.headersSent)
        response.status(500).json({ error: "internal error", requestId: request.requestId });
    },
  );

  handler = app;
  const housekeeping = setInterval(() => {
    Promise.all([sessionStore.prune(), rateLimiter.prune()]).catch((error: unknown) =>
      logger.warn({ err: error }, "housekeeping failed"),
    );
  }, HOUSEKEEPING_INTERVAL_MS);
  housekeeping.unref();
  const clusters = startClusterJobs({ dataSource, clock, logger });
  const blueprints = startBlueprintJobs({ dataSource, logger });
  const forumMail = startForumMailJobs({
    dataSource,
    clock,
    logger,
    smtpUrl: config.smtpUrl,
    mailFrom: config.mailFrom,
    publicUrl,
  });
  const forumFanout = startForumFanoutJobs({ dataSource, clock, logger });
  const placementQueue = startPlacementQueue({ dataSource, clock, logger });
  const demoClusters = config.demoClusters
    ? await startDemoClusters({
        dataSource,
        clock,
        logger,
        graphqlUrl: `http://127.0.0.1:${port}/graphql`,
        stopAfterMs: config.demoClusterStopSeconds * 1000,
      })
    : undefined;
  logger.info(
    { url: publicUrl, database: database.kind, oidc: config.oidc.kind, mail: forumMail.transport.kind },
    "hub started",
  );

  return {
    url: publicUrl,
    server,
    database,
    logger,
    clusters,
    blueprints,
    forumMail,
    forumFanout,
    async close(graceMs = 10_000) {
      shuttingDown = true;
      clearInterval(housekeeping);
      await demoClusters?.stop();
      await clusters.stop();
      await placementQueue.stop();
      await forumMail.stop();
      stopSearchDelivery();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const forced = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(forced);
      // After the last request: every counted download reaches the database.
      await blueprints.stop();
      // Posts not fanned out yet stay due in the database: the next hub process (or another one) delivers them.
      await forumFanout.stop();
      logger.debug("http server closed");
      await graphqlServer.stop();
      logger.debug("graphql server stopped");
      await database.close();
      logger.info("hub stopped");
    },
  };
}
