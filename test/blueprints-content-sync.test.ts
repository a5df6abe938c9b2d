import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HubDatabase, migrate, openDatabase } from "../server/db/data-source.js";
import { CONTENT_DIRECTORY } from "../server/hub.js";
import { BlueprintEntity } from "../server/modules/blueprints/model/blueprint.entity.js";
import { BlueprintVersionEntity } from "../server/modules/blueprints/model/blueprint-version.entity.js";
import { BlueprintSyncError } from "../server/modules/blueprints/publishing/blueprint-content-syncer.js";
import { syncOfficialBlueprints } from "../server/modules/blueprints/testing/sync-official-blueprints.js";
import { createTestDatabase } from "./support/test-database.js";

let database: HubDatabase;
let drop: () => Promise<void>;
let content: string;
beforeAll(async () => {
  const test = await createTestDatabase();
  drop = test.drop;
  database = await openDatabase(test.config);
  await migrate(database.dataSource);
  content = mkdtempSync(join(tmpdir(), "blueprint-content-"));
  cpSync(join(CONTENT_DIRECTORY, "blueprints"), join(content, "blueprints"), { recursive: true });
});
afterAll(async () => {
  await database.close();
  await drop();
  rmSync(content, { recursive: true, force: true });
});

const versionCount = () => database.dataSource.manager.count(BlueprintVersionEntity);

describe("Blueprint content sync", () => {
  it("loads every official version once, and a second run changes nothing", async () => {
    const first = await syncOfficialBlueprints(database.dataSource, { contentDirectory: content });
    expect(first.summary).toBe("11 blueprint versions: 11 added, 0 unchanged");
    const digests = await database.dataSource.manager.find(BlueprintVersionEntity, { order: { id: "ASC" } });
    const second = await syncOfficialBlueprints(database.dataSource, { contentDirectory: content });
    expect(second.summary).toBe("11 blueprint versions: 0 added, 11 unchanged");
    expect(await database.dataSource.manager.find(BlueprintVersionEntity, { order: { id: "ASC" } })).toEqual(
      digests,
    );
    const metallb = await database.dataSource.manager.findOneByOrFail(BlueprintEntity, {
      name: "metallb-l2",
    });
    expect(metallb).toMatchObject({
      latestVersion: "1.1.0",
      publisherCooperativeId: null,
      kind: "app_blueprint",
    });
  });

  it("refuses a changed published version with a CONFLICT naming the file, writing nothing else", async () => {
    const readme = join(content, "blueprints/openebs-localpv/1.0.0/README.md");
    writeFileSync(readme, "# Changed after publishing\n");
    // A valid new version in the same run must not be written either (all-or-nothing).
    cpSync(join(content, "blueprints/metallb-l2/1.1.0"), join(content, "blueprints/metallb-l2/1.2.0"), {
      recursive: true,
    });
    const manifest = join(content, "blueprints/metallb-l2/1.2.0/blueprint.yaml");
    writeFileSync(manifest, readFileSync(manifest, "utf8").replace("version: 1.1.0", "version: 1.2.0"));
    const error = await syncOfficialBlueprints(database.dataSource, { contentDirectory: content }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(BlueprintSyncError);
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain("content/blueprints/openebs-localpv/1.0.0/blueprint.yaml");
    expect(await versionCount()).toBe(11);
    cpSync(join(CONTENT_DIRECTORY, "blueprints/openebs-localpv/1.0.0/README.md"), readme);
    const ok = await syncOfficialBlueprints(database.dataSource, { contentDirectory: content });
    expect(ok.summary).toBe("12 blueprint versions: 1 added, 11 unchanged");
    rmSync(join(content, "blueprints/metallb-l2/1.2.0"), { recursive: true });
  });

  it("reports every invalid folder with file and line before writing anything", async () => {
    const folder = join(content, "blueprints/broken/1.0.0");
    cpSync(join(content, "blueprints/openebs-localpv/1.0.0"), folder, { recursive: true });
    writeFileSync(join(folder, "values.schema.json"), "{ not json");
    cpSync(join(content, "blueprints/openebs-localpv/1.0.0"), join(content, "blueprints/renamed/1.0.0"), {
      recursive: true,
    });
    const error = await syncOfficialBlueprints(database.dataSource, { contentDirectory: content }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(BlueprintSyncError);
    expect(error.code).toBe("INVALID");
    expect(error.problems.join("\n")).toContain("content/blueprints/broken/1.0.0/values.schema.json");
    expect(error.problems.join("\n")).toContain("must match the folder");
    expect(await versionCount()).toBe(12);
    expect(error.problems.join("\n")).toContain("content/blueprints/renamed/1.0.0/blueprint.yaml");
    rmSync(join(content, "blueprints/broken"), { recursive: true });
    rmSync(join(content, "blueprints/renamed"), { recursive: true });
  });
});

describe("Immutable versions", () => {
  it("refuses any change to a stored version's content at the database, while yanking still works", async () => {
    const [row] = await database.dataSource.query("SELECT id FROM blueprint_version ORDER BY id LIMIT 1");
    await expect(
      database.dataSource.query(
        "UPDATE blueprint_version SET source_sha256 = repeat('0', 64) WHERE id = $1",
        [row.id],
      ),
    ).rejects.toThrow(/immutable/);
    await expect(
      database.dataSource.query("UPDATE blueprint_version SET source_tarball = '\\x00' WHERE id = $1", [
        row.id,
      ]),
    ).rejects.toThrow(/immutable/);
    await database.dataSource.query(
      "UPDATE blueprint_version SET yanked_at = now(), yank_reason = 'x' WHERE id = $1",
      [row.id],
    );
    await database.dataSource.query(
      "UPDATE blueprint_version SET yanked_at = NULL, yank_reason = NULL WHERE id = $1",
      [row.id],
    );
  });
});
