import { type NextFunction, type Request, type Response, Router } from "express";
import type { Interaction, Provider } from "oidc-provider";
import { ALLIANCE_ACR_MFA } from "../oidc/acr-values.js";
import type { DemoPerson } from "./demo-people.js";
import { renderErrorPage } from "./html-page.js";
import { decideLogin, requestedAcrValues } from "./login-decision.js";
import { renderLoginPage } from "./login-page.js";
import { FormBodyRejected, readUrlEncodedBody } from "./url-encoded-body.js";

/** What the interaction pages need besides the provider. */
export interface InteractionRoutesOptions {
  provider: Provider;
  people: readonly DemoPerson[];
  /** Public path of the interaction pages, e.g. `/oidc/interaction` (forms post there). */
  interactionsPath: string;
  now: () => Date;
}

type InteractionHandler = (request: Request, response: Response, interaction: Interaction) => Promise<void>;

function sendHtml(response: Response, status: number, html: string): void {
  response.status(status).type("html").set("Cache-Control", "no-store").send(html);
}

/**
 * Loads the interaction named by the signed cookie and checks it is the one in the URL. A stale tab or an
 * expired interaction gets a page saying so instead of a stack trace.
 */
function withInteraction(provider: Provider, handle: InteractionHandler) {
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    try {
      const interaction = await provider.interactionDetails(request, response);
      if (interaction.uid !== request.params.uid) {
        sendHtml(
          response,
          400,
          renderErrorPage("Sign-in expired", "This sign-in page is out of date. Start again."),
        );
        return;
      }
      await handle(request, response, interaction);
    } catch (error) {
      if (error instanceof Error && error.name === "SessionNotFound") {
        sendHtml(
          response,
          400,
          renderErrorPage("Sign-in expired", "This sign-in attempt expired. Start again."),
        );
      } else if (error instanceof FormBodyRejected) {
        sendHtml(response, 400, renderErrorPage("Sign-in failed", error.message));
      } else {
        next(error);
      }
    }
  };
}

/**
 * The login, consent and cancel steps of the development provider (oidc-provider's "interactions").
 * Routes are relative to where the provider is mounted.
 */
export function createInteractionRoutes(options: InteractionRoutesOptions): Router {
  const { provider, people, interactionsPath } = options;
  const router = Router();

  const showLogin = (
    response: Response,
    interaction: Interaction,
    state: { status: number; secondFactorChecked: boolean; error?: string },
  ): void => {
    sendHtml(
      response,
      state.status,
      renderLoginPage({
        people,
        loginAction: `${interactionsPath}/${interaction.uid}/login`,
        cancelAction: `${interactionsPath}/${interaction.uid}/cancel`,
        clientId: String(interaction.params.client_id ?? ""),
        secondFactorChecked: state.secondFactorChecked,
        mfaRequested: requestedAcrValues(interaction.params).includes(ALLIANCE_ACR_MFA),
        error: state.error,
      }),
    );
  };

  router.get(
    "/interaction/:uid",
    withInteraction(provider, async (_request, response, interaction) => {
      if (interaction.prompt.name === "login") {
        showLogin(response, interaction, { status: 200, secondFactorChecked: true });
        return;
      }
      // Consent is granted by `loadExistingGrant`; any other prompt is a configuration mistake.
      sendHtml(
        response,
        501,
        renderErrorPage("Sign-in failed", `Unsupported step "${interaction.prompt.name}".`),
      );
    }),
  );

  router.post(
    "/interaction/:uid/login",
    withInteraction(provider, async (request, response, interaction) => {
      const decision = decideLogin({
        form: await readUrlEncodedBody(request),
        people,
        acrValues: requestedAcrValues(interaction.params),
        now: options.now(),
      });
      if (decision.kind === "retry") {
        const { error, secondFactorChecked } = decision;
        showLogin(response, interaction, { status: 400, error, secondFactorChecked });
        return;
      }
      await provider.interactionFinished(
        request,
        response,
        { login: decision.login },
        { mergeWithLastSubmission: false },
      );
    }),
  );

  router.post(
    "/interaction/:uid/cancel",
    withInteraction(provider, async (request, response) => {
      await provider.interactionFinished(
        request,
        response,
        { error: "access_denied", error_description: "The person cancelled the sign-in" },
        { mergeWithLastSubmission: false },
      );
    }),
  );

  return router;
}
