import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { FormBodyRejected, type FormRequest, readUrlEncodedBody } from "./url-encoded-body.js";

const FORM = "application/x-www-form-urlencoded";

function request(body: string, contentType = FORM, parsed?: unknown): FormRequest {
  const stream = Readable.from([Buffer.from(body)]);
  return Object.assign(stream, { headers: { "content-type": contentType }, body: parsed });
}

describe("Form body reader", () => {
  it("parses a raw form body", async () => {
    const fields = await readUrlEncodedBody(
      request("sub=demo-ada-admin&secondFactor=yes", `${FORM}; charset=utf-8`),
    );
    expect(Object.fromEntries(fields)).toEqual({ sub: "demo-ada-admin", secondFactor: "yes" });
  });

  it("uses a body an upstream parser already read", async () => {
    const consumed = request("", FORM, { sub: "demo-nia-newcomer", ignored: ["a", "b"] });
    for await (const _chunk of consumed) {
      // drain, as a body parser would
    }
    expect(Object.fromEntries(await readUrlEncodedBody(consumed))).toEqual({ sub: "demo-nia-newcomer" });
  });

  it.each([
    ["a JSON body", request('{"sub":"x"}', "application/json")],
    ["a body over 16 KiB", request(`sub=${"x".repeat(17 * 1024)}`)],
  ])("refuses %s", async (_case, incoming) => {
    await expect(readUrlEncodedBody(incoming)).rejects.toBeInstanceOf(FormBodyRejected);
  });
});
