import helmet from "helmet";

/**
 * Security headers for every response. The web app is built to need no inline scripts, so scripts are limited
 * to the hub's own origin. Form posts may go to the hub and to the identity provider (logout redirects there).
 */
export function securityHeaders(identityProviderOrigin: string | undefined, secure: boolean) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "form-action": identityProviderOrigin ? ["'self'", identityProviderOrigin] : ["'self'"],
        "frame-ancestors": ["'none'"],
        "upgrade-insecure-requests": secure ? [] : null,
      },
    },
    strictTransportSecurity: secure,
    referrerPolicy: { policy: "same-origin" },
    crossOriginEmbedderPolicy: false,
  });
}
