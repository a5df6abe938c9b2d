import { createTransport } from "nodemailer";
import type { StoredMessage } from "./forum-mail.entity.js";

/** Where delivered mail goes: an SMTP server, or (the embedded default) the dev mailbox in the database. */
export interface MailTransport {
  kind: "smtp" | "mailbox";
  /** Sends one message; throws when the server refuses it or cannot be reached (the row is retried). */
  send(message: StoredMessage): Promise<void>;
  close(): void;
}

const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * The transport for `SMTP_URL` (`smtp://user:pass@host:587` upgrades with STARTTLS when offered, `smtps://` is
 * implicit TLS), or the dev mailbox when unset: "sending" then only keeps the message on its outbox row.
 */
export function createMailTransport(settings: { smtpUrl: string | undefined; from: string }): MailTransport {
  if (!settings.smtpUrl) return { kind: "mailbox", send: async () => {}, close: () => {} };
  const transporter = createTransport({ url: settings.smtpUrl, ...TIMEOUTS });
  return {
    kind: "smtp",
    async send(message) {
      await transporter.sendMail({
        from: settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: message.headers,
      });
    },
    close: () => transporter.close(),
  };
}
