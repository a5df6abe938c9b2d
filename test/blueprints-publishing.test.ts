import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../server/graphql/global-id.js";
import { writeDeterministicTarGz } from "../server/modules/blueprints/package/tar-writer.js";
import {
  ed25519Signer,
  toBase64Tarball,
  uploadFiles,
} from "../server/modules/blueprints/testing/upload-fixtures.js";
import type { Cooperative } from "../server/modules/cooperatives/cooperative.entity.js";
import { buildApiToken, buildCooperative, buildPerson, buildSteward } from "./support/factories.js";
import { expectData, expectErrorCode, graphql, problemFields } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

let hub: TestHub;
let cooperative: Cooperative;
let cooperativeId: string;
let admin: string;
let member: string;
let steward: string;
beforeAll(async () => {
  hub = await startTestHub();
  const { dataSource } = hub.database;
  const adminPerson = await buildPerson(dataSource);
  const memberPerson = await buildPerson(dataSource);
  cooperative = await buildCooperative(dataSource, { admins: [adminPerson], members: [memberPerson] });
  cooperativeId = toGlobalId("Cooperative", cooperative.id);
  admin = await buildApiToken(dataSource, adminPerson);
  member = await buildApiToken(dataSource, memberPerson);
  steward = await buildApiToken(dataSource, await buildSteward(dataSource));
});
afterAll(() => hub.stop());

const PUBLISH = `mutation($input: PublishBlueprintVersionInput!) { publishBlueprintVersion(input: $input) {
  created blueprint { name publisher { official name cooperative { slug } } verified latestVersion { version } }
  version { version digest yanked signature { status signed verifiedAgainstKeyring problem } } } }`;
const YANK = `mutation($input: YankBlueprintVersionInput!) { yankBlueprintVersion(input: $input) { version { version yanked yankReason } } }`;
const REGISTER = `mutation($input: RegisterSigningKeyInput!) { registerSigningKey(input: $input) { signingKey { id fingerprint trusted } } }`;
const TRUST = `mutation($input: TrustSigningKeyInput!) { trustSigningKey(input: $input) { signingKey { fingerprint trusted } } }`;

interface Published {
  publishBlueprintVersion: {
    created: boolean;
    blueprint: Record<string, unknown>;
    version: { version: string; digest: string; signature: Record<string, unknown> };
  };
}
const publish = (token: string, tarball: string, signature?: Record<string, unknown>) =>
  graphql(hub.url, PUBLISH, { input: { cooperativeId, tarball, signature } }, { token });
const publishOk = async (token: string, tarball: string, signature?: Record<string, unknown>) =>
  expectData(
    await graphql<Published>(hub.url, PUBLISH, { input: { cooperativeId, tarball, signature } }, { token }),
  ).publishBlueprintVersion;
/** Every row a publish writes: blueprints, versions (with their source and chart archives), signatures, audit. */
const storedRows = async () => {
  // Download counts from earlier tests reach the database on a one-second timer: write them now, so that a
  // flush landing between two snapshots is not mistaken for a row the refused upload wrote.
  await hub.blueprints.flushDownloads();
  const [row] = await hub.database.dataSource.query(
    `SELECT (SELECT count(*) FROM blueprint)::int AS blueprints,
            (SELECT count(*) FROM blueprint_version)::int AS versions,
            (SELECT count(*) FROM blueprint_version WHERE chart_tarball IS NOT NULL)::int AS charts,
            (SELECT count(*) FROM blueprint_signature)::int AS signatures,
            (SELECT count(*) FROM blueprint_download)::int AS downloads,
            (SELECT count(*) FROM audit_event WHERE action LIKE 'blueprint.%')::int AS audit_events`,
  );
  return row as Record<string, number>;
};
// A signature by an unregistered key would be stored (as invalid) with an accepted upload: sent with refused
// uploads, it proves no signature row is written either.
const UNKNOWN_SIGNATURE = {
  keyFingerprint: "b".repeat(64),
  signature: Buffer.alloc(64, 1).toString("base64"),
};

describe("Publishing a blueprint version", () => {
  it("refuses anonymous callers and members who are not admins", async () => {
    const tarball = toBase64Tarball(uploadFiles("coop-demo", "1.0.0"));
    expectErrorCode(
      await graphql(hub.url, PUBLISH, { input: { cooperativeId, tarball } }),
      "UNAUTHENTICATED",
    );
    expectErrorCode(await publish(member, tarball), "FORBIDDEN");
  });

  it("publishes under the cooperative, idempotently, and refuses other content for the same version", async () => {
    const files = uploadFiles("coop-demo", "1.0.0");
    const first = await publishOk(admin, toBase64Tarball(files));
    expect(first).toMatchObject({
      created: true,
      blueprint: {
        name: "coop-demo",
        publisher: { official: false, name: cooperative.name, cooperative: { slug: cooperative.slug } },
        verified: false,
        latestVersion: { version: "1.0.0" },
      },
      version: {
        version: "1.0.0",
        signature: { status: "UNSIGNED", signed: false, verifiedAgainstKeyring: false },
      },
    });
    // The same files under another top folder are the same content.
    const again = await publishOk(admin, toBase64Tarball(files, "other-folder"));
    expect(again.created).toBe(false);
    expect(again.version.digest).toBe(first.version.digest);
    const changed = uploadFiles("coop-demo", "1.0.0", { "README.md": "# Something else\n" });
    const conflict = await publish(admin, toBase64Tarball(changed));
    expectErrorCode(conflict, "CONFLICT");
    expect(conflict.errors?.[0]?.extensions?.reason).toBe("VERSION_EXISTS");
  });

  it("refuses cooperatives that are not approved yet, and records an audit event for each publish", async () => {
    const { dataSource } = hub.database;
    const pendingAdmin = await buildPerson(dataSource);
    const pending = await buildCooperative(dataSource, { admins: [pendingAdmin], status: "pending" });
    const result = await graphql(
      hub.url,
      PUBLISH,
      {
        input: {
          cooperativeId: toGlobalId("Cooperative", pending.id),
          tarball: toBase64Tarball(uploadFiles("pending-demo", "1.0.0")),
        },
      },
      { token: await buildApiToken(dataSource, pendingAdmin) },
    );
    expectErrorCode(result, "FORBIDDEN");
    await publishOk(admin, toBase64Tarball(uploadFiles("audit-demo", "1.0.0")));
    const events = await dataSource.query(
      "SELECT data FROM audit_event WHERE action = 'blueprint.version_published' AND cooperative_id = $1",
      [cooperative.id],
    );
    expect(events.map((event: { data: { name: string } }) => event.data.name)).toContain("audit-demo");
  });

  it("refuses a name another publisher owns", async () => {
    const { dataSource } = hub.database;
    const otherAdmin = await buildPerson(dataSource);
    const other = await buildCooperative(dataSource, { admins: [otherAdmin] });
    const result = await graphql(
      hub.url,
      PUBLISH,
      {
        input: {
          cooperativeId: toGlobalId("Cooperative", other.id),
          tarball: toBase64Tarball(uploadFiles("coop-demo", "2.0.0")),
        },
      },
      { token: await buildApiToken(dataSource, otherAdmin) },
    );
    expectErrorCode(result, "CONFLICT");
    expect(result.errors?.[0]?.extensions?.reason).toBe("NAME_TAKEN");
  });
});

describe("Refusing unsafe or incomplete archives (nothing stored)", () => {
  const refused = async (tarball: string, expected: RegExp) => {
    const before = await storedRows();
    expect(before.versions).toBeGreaterThan(0);
    const result = await publish(admin, tarball, UNKNOWN_SIGNATURE);
    expectErrorCode(result, "BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toMatch(expected);
    expect(await storedRows()).toEqual(before);
    return result;
  };

  it("stores a signature row, even an invalid one, with an accepted upload (what the refusals are compared to)", async () => {
    const before = await storedRows();
    await publishOk(admin, toBase64Tarball(uploadFiles("accepted-demo", "1.0.0")), UNKNOWN_SIGNATURE);
    const after = await storedRows();
    expect(after).toMatchObject({
      blueprints: before.blueprints + 1,
      versions: before.versions + 1,
      charts: before.charts + 1,
      signatures: before.signatures + 1,
    });
    expect(after.audit_events).toBeGreaterThan(before.audit_events);
  });

  it("refuses path traversal and absolute paths", async () => {
    const files = [...uploadFiles("unsafe", "1.0.0")].map(([path, content]) => ({
      path: `unsafe/${path}`,
      content,
    }));
    await refused(
      writeDeterministicTarGz([
        ...files,
        { path: "unsafe/../../etc/cron.d/evil", content: Buffer.from("x") },
      ]).toString("base64"),
      /path traversal/,
    );
    await refused(
      writeDeterministicTarGz([...files, { path: "/etc/passwd", content: Buffer.from("x") }]).toString(
        "base64",
      ),
      /absolute paths/,
    );
  });

  it("refuses symbolic links", async () => {
    const directory = mkdtempSync(join(tmpdir(), "blueprint-upload-"));
    try {
      const folder = join(directory, "linked");
      for (const [path, content] of uploadFiles("linked", "1.0.0")) {
        mkdirSync(join(folder, path, ".."), { recursive: true });
        writeFileSync(join(folder, path), content);
      }
      symlinkSync("/etc/passwd", join(folder, "templates/manifests/passwd.yaml"));
      execFileSync("tar", ["czf", join(directory, "linked.tgz"), "-C", directory, "linked"]);
      await refused(
        readFileSync(join(directory, "linked.tgz")).toString("base64"),
        /links \(symbolic or hard\) are refused/,
      );
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it("refuses archives over 10 MiB, packed or unpacked, and garbage", async () => {
    const bomb = uploadFiles("bomb", "1.0.0", {
      "templates/manifests/big.yaml": Buffer.alloc(11 * 1024 * 1024, 0x61),
    });
    await refused(toBase64Tarball(bomb), /larger than 10 MiB/);
    await refused(Buffer.from("this is not an archive").toString("base64"), /not a valid tar file/);
  });

  it("names every missing or invalid file", async () => {
    const files = uploadFiles("incomplete", "1.0.0", {
      "values.schema.json": undefined,
      "README.md": undefined,
    });
    const result = await refused(toBase64Tarball(files), /is missing/);
    expect(problemFields(result)).toEqual(["input.tarball/README.md", "input.tarball/values.schema.json"]);
  });
});

describe("Signatures and the alliance keyring", () => {
  it("shows a valid signature as signed, and verified only once a steward trusts the key", async () => {
    const signer = ed25519Signer();
    const registered = expectData(
      await graphql<{
        registerSigningKey: { signingKey: { id: string; fingerprint: string; trusted: boolean } };
      }>(
        hub.url,
        REGISTER,
        { input: { cooperativeId, name: "release key", publicKey: signer.publicKeyPem } },
        { token: admin },
      ),
    ).registerSigningKey.signingKey;
    expect(registered.trusted).toBe(false);
    const files = uploadFiles("signed-demo", "1.0.0");
    const signature = { keyFingerprint: registered.fingerprint, signature: signer.sign(files) };
    const published = await publishOk(admin, toBase64Tarball(files), signature);
    expect(published.version.signature).toEqual({
      status: "SIGNED",
      signed: true,
      verifiedAgainstKeyring: false,
      problem: null,
    });
    expectErrorCode(
      await graphql(hub.url, TRUST, { input: { signingKeyId: registered.id } }, { token: admin }),
      "FORBIDDEN",
    );
    const trusted = expectData(
      await graphql<{ trustSigningKey: { signingKey: { trusted: boolean } } }>(
        hub.url,
        TRUST,
        { input: { signingKeyId: registered.id, note: "checked in person" } },
        { token: steward },
      ),
    );
    expect(trusted.trustSigningKey.signingKey.trusted).toBe(true);
    expectErrorCode(
      await graphql(hub.url, TRUST, { input: { signingKeyId: registered.id } }, { token: steward }),
      "CONFLICT",
    );
    const status = expectData(
      await graphql<{
        blueprintVersion: { signature: Record<string, unknown> };
        blueprints: { edges: Array<{ node: { name: string } }> };
      }>(
        hub.url,
        `{ blueprintVersion(name: "signed-demo", version: "1.0.0") { signature { status signed verifiedAgainstKeyring } }
           blueprints(filter: { verified: true }) { edges { node { name } } } }`,
      ),
    );
    expect(status.blueprintVersion.signature).toEqual({
      status: "VERIFIED",
      signed: true,
      verifiedAgainstKeyring: true,
    });
    expect(status.blueprints.edges.map((edge) => edge.node.name)).toContain("signed-demo");

    // A signature by another key that claims this fingerprint is stored as invalid, never shown verified.
    const forger = ed25519Signer();
    const forged = uploadFiles("signed-demo", "1.1.0");
    const bad = await publishOk(admin, toBase64Tarball(forged), {
      keyFingerprint: registered.fingerprint,
      signature: forger.sign(forged),
    });
    expect(bad.version.signature).toEqual({
      status: "INVALID",
      signed: false,
      verifiedAgainstKeyring: false,
      problem: "the signature does not match the files",
    });
  });

  it("stores a signature by an unregistered key as invalid", async () => {
    const files = uploadFiles("unknown-key", "1.0.0");
    const result = await publishOk(admin, toBase64Tarball(files), {
      keyFingerprint: "a".repeat(64),
      signature: ed25519Signer().sign(files),
    });
    expect(result.version.signature).toMatchObject({
      status: "INVALID",
      signed: false,
      problem: "the key is not registered",
    });
  });

  it("refuses keys that are not Ed25519 and keys registered twice", async () => {
    const bad = await graphql(
      hub.url,
      REGISTER,
      { input: { cooperativeId, name: "k", publicKey: "bm90IGEga2V5" } },
      { token: admin },
    );
    expectErrorCode(bad, "BAD_USER_INPUT");
    expect(problemFields(bad)).toEqual(["input.publicKey"]);
    const signer = ed25519Signer();
    const input = { cooperativeId, name: "raw", publicKey: signer.publicKeyBase64 };
    expectData(await graphql(hub.url, REGISTER, { input }, { token: admin }));
    expectErrorCode(await graphql(hub.url, REGISTER, { input }, { token: admin }), "CONFLICT");
    expectErrorCode(await graphql(hub.url, REGISTER, { input }, { token: member }), "FORBIDDEN");
  });
});

describe("Yanking", () => {
  it("hides a yanked version from lists but keeps it downloadable by exact version with a warning", async () => {
    await publishOk(admin, toBase64Tarball(uploadFiles("yank-demo", "1.0.0")));
    await publishOk(admin, toBase64Tarball(uploadFiles("yank-demo", "1.1.0")));
    const input = { name: "yank-demo", version: "1.1.0", reason: "broken template" };
    const CAN_YANK = `{ blueprintVersion(name: "yank-demo", version: "1.1.0") { viewerCanYank } }`;
    const canYank = async (token?: string) =>
      expectData(
        await graphql<{ blueprintVersion: { viewerCanYank: boolean } }>(hub.url, CAN_YANK, {}, { token }),
      ).blueprintVersion.viewerCanYank;
    expect([await canYank(admin), await canYank(steward), await canYank(member), await canYank()]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expectErrorCode(await graphql(hub.url, YANK, { input }), "UNAUTHENTICATED");
    expectErrorCode(await graphql(hub.url, YANK, { input }, { token: member }), "FORBIDDEN");
    const yanked = expectData(
      await graphql<{ yankBlueprintVersion: { version: Record<string, unknown> } }>(
        hub.url,
        YANK,
        { input },
        { token: admin },
      ),
    );
    expect(yanked.yankBlueprintVersion.version).toEqual({
      version: "1.1.0",
      yanked: true,
      yankReason: "broken template",
    });
    expectErrorCode(await graphql(hub.url, YANK, { input }, { token: admin }), "CONFLICT");
    const page = expectData(
      await graphql<{ blueprint: Record<string, unknown>; blueprintVersion: { yanked: boolean } }>(
        hub.url,
        `{ blueprint(name: "yank-demo") { latestVersion { version } versions { version } all: versions(includeYanked: true) { version } }
           blueprintVersion(name: "yank-demo", version: "1.1.0") { yanked } }`,
      ),
    );
    expect(page.blueprint).toEqual({
      latestVersion: { version: "1.0.0" },
      versions: [{ version: "1.0.0" }],
      all: [{ version: "1.1.0" }, { version: "1.0.0" }],
    });
    expect(page.blueprintVersion.yanked).toBe(true);
    const download = await fetch(`${hub.url}/api/blueprints/yank-demo/1.1.0.tgz`);
    expect(download.status).toBe(200);
    expect(download.headers.get("warning")).toBe('299 - "This version is yanked: broken template"');
    expect((await fetch(`${hub.url}/api/blueprints/yank-demo/1.0.0.tgz`)).headers.get("warning")).toBeNull();
    // A steward may yank too; once every version is yanked the blueprint leaves the catalog.
    expectData(await graphql(hub.url, YANK, { input: { ...input, version: "1.0.0" } }, { token: steward }));
    const catalog = expectData(
      await graphql<{ blueprints: { edges: Array<{ node: { name: string } }> } }>(
        hub.url,
        `{ blueprints(first: 100) { edges { node { name } } } }`,
      ),
    );
    expect(catalog.blueprints.edges.map((edge) => edge.node.name)).not.toContain("yank-demo");
  });

  it("refuses bad input with every field named", async () => {
    const result = await graphql(
      hub.url,
      YANK,
      { input: { name: "Bad Name", version: "", reason: "" } },
      { token: admin },
    );
    expectErrorCode(result, "BAD_USER_INPUT");
    expect(problemFields(result)).toEqual(["input.name", "input.version", "input.reason"]);
  });
});

describe("Publishing over HTTP (POST /api/blueprints/publish)", () => {
  const upload = (body: Buffer, headers: Record<string, string> = {}, slug = cooperative.slug) =>
    fetch(`${hub.url}/api/blueprints/publish?cooperative=${slug}`, {
      method: "POST",
      headers: { "content-type": "application/gzip", ...headers },
      body: new Uint8Array(body),
    });
  const tgz = (name: string, version: string) =>
    Buffer.from(toBase64Tarball(uploadFiles(name, version)), "base64");

  it("publishes with an API token, signed, and answers 201 then 200 for the same content", async () => {
    const signer = ed25519Signer();
    const key = expectData(
      await graphql<{ registerSigningKey: { signingKey: { fingerprint: string } } }>(
        hub.url,
        REGISTER,
        { input: { cooperativeId, name: "ci key", publicKey: signer.publicKeyBase64 } },
        { token: admin },
      ),
    ).registerSigningKey.signingKey;
    const files = uploadFiles("http-demo", "1.0.0");
    const headers = {
      authorization: `Bearer ${admin}`,
      "x-blueprint-key-fingerprint": key.fingerprint,
      "x-blueprint-signature": signer.sign(files),
    };
    const body = Buffer.from(toBase64Tarball(files), "base64");
    const created = await upload(body, headers);
    expect(created.status).toBe(201);
    const json = (await created.json()) as Record<string, unknown>;
    expect(json).toMatchObject({
      name: "http-demo",
      version: "1.0.0",
      created: true,
      signature: { status: "signed", signed: true, verifiedAgainstKeyring: false },
    });
    const download = Buffer.from(
      await (await fetch(`${hub.url}/api/blueprints/http-demo/1.0.0.tgz`)).arrayBuffer(),
    );
    const { createHash } = await import("node:crypto");
    expect(json.digest).toBe(`sha256:${createHash("sha256").update(download).digest("hex")}`);
    expect((await upload(body, headers)).status).toBe(200);
  });

  it("refuses anonymous callers, members, unknown cooperatives, unsafe and oversized archives", async () => {
    expect((await upload(tgz("http-x", "1.0.0"))).status).toBe(401);
    expect((await upload(tgz("http-x", "1.0.0"), { authorization: `Bearer ${member}` })).status).toBe(403);
    expect((await upload(tgz("http-x", "1.0.0"), { authorization: `Bearer ${admin}` }, "nope")).status).toBe(
      404,
    );
    const before = await storedRows();
    const traversal = writeDeterministicTarGz([{ path: "../evil", content: Buffer.from("x") }]);
    const refused = await upload(traversal, { authorization: `Bearer ${admin}` });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
      /path traversal/,
    );
    const huge = await upload(Buffer.alloc(10 * 1024 * 1024 + 1, 7), { authorization: `Bearer ${admin}` });
    expect(huge.status).toBe(413);
    expect(await storedRows()).toEqual(before);
  });
});
