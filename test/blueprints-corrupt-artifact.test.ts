import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../server/graphql/global-id.js";
import { toBase64Tarball, uploadFiles } from "../server/modules/blueprints/testing/upload-fixtures.js";
import { buildApiToken, buildCooperative, buildPerson } from "./support/factories.js";
import { expectData, graphql } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

// "A digest mismatch at download is impossible by construction": the served bytes are the stored bytes, checked
// against the ingest digest when loaded. Here the storage itself is damaged behind the hub's back (the
// immutability trigger disabled for one transaction) and the hub must refuse to serve, never send other bytes.
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
  const { dataSource } = hub.database;
  const person = await buildPerson(dataSource);
  const cooperative = await buildCooperative(dataSource, { admins: [person] });
  const input = {
    cooperativeId: toGlobalId("Cooperative", cooperative.id),
    tarball: toBase64Tarball(uploadFiles("corrupt-demo", "1.0.0")),
  };
  expectData(
    await graphql(
      hub.url,
      `mutation($input: PublishBlueprintVersionInput!) { publishBlueprintVersion(input: $input) { created } }`,
      { input },
      { token: await buildApiToken(dataSource, person) },
    ),
  );
});
afterAll(() => hub.stop());

/** Flips one byte of a stored archive column with the immutability trigger off, then turns it back on. */
async function corrupt(column: "source_tarball" | "chart_tarball"): Promise<void> {
  await hub.database.dataSource.transaction(async (manager) => {
    await manager.query("ALTER TABLE blueprint_version DISABLE TRIGGER blueprint_version_immutable");
    await manager.query(
      `UPDATE blueprint_version SET ${column} = set_byte(${column}, 100, (get_byte(${column}, 100) + 1) % 256)
        WHERE version = '1.0.0' AND blueprint_id = (SELECT id FROM blueprint WHERE name = 'corrupt-demo')`,
    );
    await manager.query("ALTER TABLE blueprint_version ENABLE TRIGGER blueprint_version_immutable");
  });
}

describe("A corrupt stored archive", () => {
  it("is refused with a clear error at download, never served with another digest", async () => {
    await corrupt("source_tarball");
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await fetch(`${hub.url}/api/blueprints/corrupt-demo/1.0.0.tgz`);
      expect(response.status).toBe(500);
      expect(response.headers.get("x-checksum-sha256")).toBeNull();
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("INTERNAL_SERVER_ERROR");
      expect(body.error.message).toContain("The stored source archive of corrupt-demo 1.0.0 is corrupt");
      expect(body.error.message).toContain(
        "its bytes do not match the sha256 recorded at publish, so it is not served",
      );
    }
    // Rendering reads the same stored source: it refuses too rather than render from damaged bytes.
    const render = await fetch(`${hub.url}/api/blueprints/corrupt-demo/1.0.0/render`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(render.status).toBe(500);
    expect(((await render.json()) as { error: { message: string } }).error.message).toContain("is corrupt");
  });

  it("refuses a corrupt Helm chart the same way, and the immutability trigger is back on", async () => {
    await corrupt("chart_tarball");
    const response = await fetch(`${hub.url}/charts/corrupt-demo-1.0.0.tgz`);
    expect(response.status).toBe(500);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      "The stored chart archive of corrupt-demo 1.0.0 is corrupt",
    );
    await expect(
      hub.database.dataSource.query(
        "UPDATE blueprint_version SET source_sha256 = repeat('0', 64) WHERE version = '1.0.0'",
      ),
    ).rejects.toThrow();
  });
});
