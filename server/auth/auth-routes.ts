import { type NextFunction, type Request, type Response, Router } from "express";
import type { DataSource } from "typeorm";
import type { Clock } from "../clock.js";
import { inTransaction } from "../db/transaction.js";
import type { RateLimiter } from "../ops/rate-limiter.js";
import { type OidcClient, SIGN_IN_STRATEGY, STEP_UP_STRATEGY, type VerifiedSignIn } from "./oidc-client.js";
import { createPkcePair, withPkceVerifier } from "./pkce.js";
import { signInPerson } from "./sign-in-person.js";
import { suspendedSignInMessage } from "./suspension.js";

export interface AuthRoutesDeps {
  dataSource: DataSource;
  clock: Clock;
  rateLimiter: RateLimiter;
  signInPerMinute: number;
  /** The OIDC client, set up lazily on the first sign-in so the hub starts even when the provider is away. */
  oidcClient: () => Promise<OidcClient>;
  publicUrl: string;
}

/** Only same-site paths may be returned to, so a crafted link cannot bounce a fresh sign-in elsewhere. */
export function safeReturnTo(value: unknown): string {
  return typeof value === "string" &&
    value.startsWith("/") &&
    !value.startsWith("//") &&
    !value.includes("\\")
    ? value
    : "/";
}

function failurePage(response: Response, status: number, reason: string): void {
  response
    .status(status)
    .type("html")
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in failed</title></head><body><main><h1>Sign-in failed</h1><p>${reason.replace(/[<>&"]/g, "")}</p><p><a href="/">Back to the hub</a></p></main></body></html>`,
    );
}

/**
 * `/auth/login`, `/auth/callback` and `/auth/logout`: the authorization-code flow with state, nonce and PKCE.
 * Refused callbacks (bad state, bad nonce, wrong issuer, bad signature) are logged with their reason.
 */
export function authRoutes(deps: AuthRoutesDeps): Router {
  const router = Router();

  const limitSignIn = async (request: Request, response: Response, next: NextFunction) => {
    const decision = await deps.rateLimiter.hit(`signin:${request.ip}`, deps.signInPerMinute, 60);
    if (decision.allowed) return next();
    response.setHeader("Retry-After", String(decision.retryAfterSeconds));
    failurePage(response, 429, `Too many sign-in attempts; try again in ${decision.retryAfterSeconds} s.`);
  };

  router.get("/auth/login", limitSignIn, async (request, response, next) => {
    try {
      const { passport } = await deps.oidcClient();
      request.session.returnTo = safeReturnTo(request.query.returnTo);
      const pkce = createPkcePair();
      request.session.pkceVerifier = pkce.verifier;
      const strategy = request.query.stepUp === "1" ? STEP_UP_STRATEGY : SIGN_IN_STRATEGY;
      passport.authenticate(strategy, { session: false, codeChallenge: pkce.challenge } as object)(
        request,
        response,
        next,
      );
    } catch (error) {
      request.log.error({ err: error }, "identity provider unavailable");
      failurePage(response, 503, "The identity provider is not reachable right now. Try again shortly.");
    }
  });

  router.get("/auth/callback", limitSignIn, async (request, response, next) => {
    const { passport } = await deps.oidcClient();
    const verifier = request.session.pkceVerifier;
    delete request.session.pkceVerifier;
    withPkceVerifier(verifier, () =>
      passport.authenticate(
        SIGN_IN_STRATEGY,
        { session: false },
        (error: unknown, signIn: VerifiedSignIn | false, info: { message?: string } | undefined) => {
          if (error || !signIn) {
            const reason = error instanceof Error ? error.message : (info?.message ?? "refused");
            request.log.warn({ reason }, "sign-in refused");
            failurePage(response, 403, `The sign-in could not be verified (${reason}).`);
            return;
          }
          completeSignIn(deps, request, response, signIn).catch(next);
        },
      )(request, response, next),
    );
  });

  router.post("/auth/logout", (request, response, next) => {
    const idTokenHint = request.session.signedIn?.idTokenHint;
    request.session.destroy((error) => {
      if (error) return next(error);
      response.clearCookie("hub.sid");
      deps
        .oidcClient()
        .then(({ provider }) => {
          if (!provider.endSessionURL || !idTokenHint) return response.redirect(303, "/");
          const url = new URL(provider.endSessionURL);
          url.searchParams.set("id_token_hint", idTokenHint);
          url.searchParams.set("post_logout_redirect_uri", `${deps.publicUrl}/`);
          response.redirect(303, url.toString());
        })
        .catch(() => response.redirect(303, "/"));
    });
  });

  return router;
}

async function completeSignIn(
  deps: AuthRoutesDeps,
  request: Request,
  response: Response,
  signIn: VerifiedSignIn,
) {
  const { profile } = signIn;
  const now = deps.clock.now();
  const person = await inTransaction(deps.dataSource, (manager) =>
    signInPerson(
      manager,
      {
        issuer: profile.issuer,
        subject: profile.subject,
        email: profile.email,
        name: profile.name ?? profile.handle,
        handle: profile.handle,
        hubRoles: profile.hubRoles,
        memberships: profile.memberships,
      },
      { now, requestId: request.requestId },
    ),
  );
  const suspended = await suspendedSignInMessage(deps.dataSource, person.id, now);
  if (suspended) {
    request.log.info({ personId: person.id }, "sign-in refused: suspended");
    failurePage(response, 403, suspended);
    return;
  }
  const returnTo = safeReturnTo(request.session.returnTo);
  // A new session ID at sign-in prevents session fixation.
  request.session.regenerate((error) => {
    if (error) {
      failurePage(response, 500, "The session could not be created.");
      return;
    }
    request.session.signedIn = {
      personId: person.id,
      authenticatedAt: (profile.authTime ?? now).toISOString(),
      secondFactor: profile.mfa,
      idTokenHint: signIn.idToken,
    };
    request.log.info({ personId: person.id, secondFactor: profile.mfa }, "signed in");
    request.session.save(() => response.redirect(303, returnTo));
  });
}
