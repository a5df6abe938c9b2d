import type { IncomingHttpHeaders } from "node:http";

/** Login forms are tiny; anything larger is not ours. */
const BODY_LIMIT_BYTES = 16 * 1024;

/** Raised for bodies the interaction routes refuse to read. */
export class FormBodyRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FormBodyRejected";
  }
}

/** The parts of an incoming request the reader uses (an express `Request` fits). */
export interface FormRequest extends AsyncIterable<unknown> {
  headers: IncomingHttpHeaders;
  readable: boolean;
  /** Set when a body parser upstream already read the stream. */
  body?: unknown;
}

/**
 * Reads an `application/x-www-form-urlencoded` body. The development provider parses its own forms so it works
 * whether or not the hub mounted a body parser; when one already consumed the stream, its `req.body` is used.
 */
export async function readUrlEncodedBody(request: FormRequest): Promise<URLSearchParams> {
  const parsed = request.body;
  if (typeof parsed === "object" && parsed !== null && !request.readable) {
    const fields = Object.entries(parsed).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    );
    return new URLSearchParams(fields);
  }
  const contentType = request.headers["content-type"] ?? "";
  if (!contentType.startsWith("application/x-www-form-urlencoded")) {
    throw new FormBodyRejected("expected a form (application/x-www-form-urlencoded)");
  }
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    received += buffer.length;
    if (received > BODY_LIMIT_BYTES) throw new FormBodyRejected("form body too large");
    chunks.push(buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}
