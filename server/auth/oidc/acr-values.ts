/**
 * Authentication context class values the alliance asks providers for. The built-in development provider
 * issues exactly these; a production provider (Keycloak, Authentik, Zitadel...) can be mapped onto them.
 */
export const ALLIANCE_ACR_PASSWORD = "urn:alliance:acr:pwd";

/** Sign-in with a second factor; the hub asks for it before sensitive actions (step-up). */
export const ALLIANCE_ACR_MFA = "urn:alliance:acr:mfa";

/** Every value the alliance defines, weakest first. */
export const ALLIANCE_ACR_VALUES = [ALLIANCE_ACR_PASSWORD, ALLIANCE_ACR_MFA] as const;

/**
 * `amr` values (RFC 8176) that prove a second factor: one-time codes, hardware/software keys, SMS.
 * `pwd` alone is not among them.
 */
export const MFA_AUTHENTICATION_METHODS: readonly string[] = ["otp", "mfa", "hwk", "swk", "totp", "sms"];
