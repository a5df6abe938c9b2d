import { Router } from "express";
import { Provider } from "oidc-provider";
import type { DemoPerson } from "./demo-people.js";
import { createInteractionRoutes } from "./interaction-routes.js";
import { buildProviderConfiguration, type DevOidcClient } from "./provider-configuration.js";
import { generateSigningKeys } from "./signing-keys.js";

/** Options of the built-in development provider. */
export interface DevOidcProviderOptions {
  /** Full issuer URL including the mount path, e.g. `http://localhost:4000/oidc`; mount the handler at that path. */
  issuer: string;
  clients: DevOidcClient[];
  people: readonly DemoPerson[];
  /** Keys signing the provider's cookies (first one signs, all verify). At least one. */
  cookieKeys: string[];
  /** Clock for the recorded sign-in time (`auth_time`); oidc-provider itself reads the system clock. */
  now?: () => Date;
  /** Trust `X-Forwarded-*` headers, when the hub runs behind a TLS-terminating proxy. */
  trustProxy?: boolean;
  /** Must not be true: the hub passes it so that a production configuration can never start this provider. */
  production?: boolean;
}

/** What the hub mounts: `app.use(new URL(issuer).pathname, handler)`. */
export interface DevOidcProvider {
  provider: Provider;
  handler: Router;
}

/** Thrown when the development provider is asked to run where it must not, or with unusable options. */
export class DevProviderRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DevProviderRefused";
  }
}

function mountPathOf(issuer: string): string {
  if (!URL.canParse(issuer)) throw new DevProviderRefused(`issuer "${issuer}" is not a URL`);
  const url = new URL(issuer);
  if (url.search || url.hash) throw new DevProviderRefused("issuer must not have a query or fragment");
  return url.pathname.replace(/\/$/, "");
}

/**
 * Creates the built-in OpenID provider used by `npm start` without configuration: demo people, a login page with
 * a simulated second factor, automatic consent. Development only: it keeps sessions, grants and codes in
 * memory (oidc-provider's default adapter), so it works in one process and forgets everything on restart, and its
 * signing key is generated at every start.
 */
export async function createDevOidcProvider(options: DevOidcProviderOptions): Promise<DevOidcProvider> {
  if (options.production) {
    throw new DevProviderRefused(
      "the built-in development OpenID provider cannot run in production: configure the alliance's provider",
    );
  }
  const mountPath = mountPathOf(options.issuer);
  if (options.cookieKeys.length === 0) throw new DevProviderRefused("at least one cookie key is required");
  if (options.clients.length === 0) throw new DevProviderRefused("at least one client is required");

  const interactionsPath = `${mountPath}/interaction`;
  const provider = new Provider(
    options.issuer,
    buildProviderConfiguration({
      clients: options.clients,
      people: options.people,
      cookieKeys: options.cookieKeys,
      jwks: await generateSigningKeys(),
      interactionsPath,
    }),
  );
  provider.proxy = options.trustProxy ?? false;

  const handler = Router();
  handler.use(
    createInteractionRoutes({
      provider,
      people: options.people,
      interactionsPath,
      now: options.now ?? (() => new Date()),
    }),
  );
  // Everything else is oidc-provider's Koa app; it finds its mount path from `req.originalUrl`.
  const providerCallback = provider.callback();
  handler.use((request, response) => providerCallback(request, response));
  return { provider, handler };
}
