import pino, { type Logger } from "pino";

export type { Logger };

/**
 * Structured JSON logs. Secrets never reach them: credentials in headers and known secret fields are redacted,
 * and the code never logs tokens, cookies or session contents in the first place.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "alliance-hub" },
    redact: {
      paths: [
        "req.headers.authorization",
        "req.headers.cookie",
        'res.headers["set-cookie"]',
        "*.secret",
        "*.token",
        "*.password",
        "*.clientSecret",
      ],
      censor: "[redacted]",
    },
  });
}
