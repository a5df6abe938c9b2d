import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** One message the sink received, with headers unfolded and the body's quoted-printable decoded. */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  /** Header lookup, case-insensitive, first occurrence. */
  header(name: string): string | undefined;
  /** Every text part decoded (plain and HTML), for "the body mentions …" checks. */
  body: string;
}

/** A real SMTP server in the test process (the `smtp-server` package), requiring the given login. */
export interface SmtpSink {
  port: number;
  received: ReceivedMail[];
  /** Stops listening: the hub then finds its SMTP server down. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

const decodeQuotedPrintable = (text: string) =>
  Buffer.from(
    text
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    "latin1",
  ).toString("utf8");

/** Decodes RFC 2047 encoded words (`=?UTF-8?Q?...?=`, `=?UTF-8?B?...?=`) in a header value. */
const decodeWords = (value: string) =>
  value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_match, encoding: string, text: string) =>
      encoding.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );

function parse(raw: string, from: string, to: string[]): ReceivedMail {
  const split = raw.indexOf("\r\n\r\n");
  const headerBlock = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const headers = headerBlock.split("\r\n").map((line) => {
    const colon = line.indexOf(":");
    return [line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim())] as const;
  });
  return {
    from,
    to,
    raw,
    header: (name) => headers.find(([key]) => key === name.toLowerCase())?.[1],
    body: decodeQuotedPrintable(raw.slice(split + 4)),
  };
}

/** Starts the sink on a free port of 127.0.0.1 (plain SMTP with AUTH, as a relay on port 587 before STARTTLS). */
export async function startSmtpSink(login: { user: string; pass: string }): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let server: SMTPServer | undefined;
  let port = 0;
  const listen = async () => {
    server = new SMTPServer({
      disabledCommands: ["STARTTLS"],
      allowInsecureAuth: true,
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === login.user && auth.password === login.pass)
          return callback(null, { user: auth.username });
        callback(new Error("Invalid username or password"));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const envelope = session.envelope;
          received.push(
            parse(
              Buffer.concat(chunks).toString("utf8"),
              envelope.mailFrom ? envelope.mailFrom.address : "",
              envelope.rcptTo.map((recipient) => recipient.address),
            ),
          );
          callback();
        });
      },
    });
    const current = server;
    await new Promise<void>((resolve) => current.listen(port, "127.0.0.1", () => resolve()));
    port = (current.server.address() as AddressInfo).port;
  };
  await listen();
  return {
    get port() {
      return port;
    },
    received,
    stop: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
    start: listen,
  };
}
