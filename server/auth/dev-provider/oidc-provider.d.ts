/**
 * The small part of oidc-provider 9's API the development provider uses. The package ships no type definitions
 * and `@types/oidc-provider` is not installed, so these are written from its source (lib/provider.js,
 * lib/helpers/defaults.js, lib/helpers/interaction_policy).
 */
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  /** What an interaction ends with: a login, a consent, or an OAuth error for the client. */
  export interface InteractionResults {
    login?: { accountId: string; acr?: string; amr?: string[]; remember?: boolean; ts?: number };
    consent?: { grantId?: string };
    error?: string;
    error_description?: string;
  }

  export interface Session {
    accountId?: string;
    acr?: string;
    amr?: string[];
    grantIdFor(clientId: string): string | undefined;
  }

  export interface Client {
    clientId: string;
  }

  export interface OIDCContext {
    provider: Provider;
    params?: Record<string, unknown>;
    session?: Session;
    client?: Client;
    result?: InteractionResults;
    /** The current session's acr. */
    readonly acr?: string;
  }

  /** The Koa context oidc-provider passes to configuration callbacks. */
  export interface KoaContextWithOIDC {
    oidc: OIDCContext;
    type: string;
    body: unknown;
    status: number;
  }

  export interface AccountClaims {
    sub: string;
    [claim: string]: unknown;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): Promise<AccountClaims> | AccountClaims;
  }

  export interface PromptDetail {
    name: string;
    reasons: string[];
    details: Record<string, unknown>;
  }

  /** A pending interaction, as `interactionDetails` returns it. */
  export interface Interaction {
    uid: string;
    prompt: PromptDetail;
    params: Record<string, unknown>;
    session?: { accountId: string; acr?: string; amr?: string[] };
    grantId?: string;
    returnTo: string;
  }

  export class Grant {
    constructor(properties: { accountId: string; clientId: string });
    readonly jti: string;
    accountId: string;
    clientId: string;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    save(): Promise<string>;
    static find(id: string): Promise<Grant | undefined>;
  }

  export namespace interactionPolicy {
    type CheckResult = boolean | Promise<boolean>;
    class Check {
      constructor(reason: string, description: string, check: (ctx: KoaContextWithOIDC) => CheckResult);
      static readonly REQUEST_PROMPT: true;
      static readonly NO_NEED_TO_PROMPT: false;
    }
    interface Prompt {
      name: string;
      checks: Check[] & { add(check: Check, index?: number): void };
    }
    type Policy = Prompt[] & { get(name: string): Prompt | undefined };
    function base(): Policy;
  }

  /** Configuration keys are many; the ones the development provider sets are checked, the rest pass as is. */
  export interface Configuration {
    [key: string]: unknown;
  }

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    /** Trust X-Forwarded-* headers (behind a TLS-terminating proxy). */
    proxy: boolean;
    readonly Grant: typeof Grant;
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  export default Provider;
}
