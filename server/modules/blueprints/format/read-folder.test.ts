import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readBlueprintFolder } from "./read-folder.js";

describe("Reading a blueprint folder from disk", () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), "blueprint-"));
    await mkdir(join(directory, "templates", "manifests"), { recursive: true });
    await writeFile(join(directory, "README.md"), "# x\n");
    await writeFile(join(directory, "templates", "manifests", "a.yaml"), "kind: A\n");
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it("keys files by forward-slash paths relative to the folder", async () => {
    const files = await readBlueprintFolder(directory);
    expect([...files.keys()].sort()).toEqual(["README.md", "templates/manifests/a.yaml"]);
    expect(files.get("templates/manifests/a.yaml")?.toString("utf8")).toBe("kind: A\n");
  });

  it("refuses symbolic links instead of following them", async () => {
    await symlink("/etc/hostname", join(directory, "templates", "link.yaml"));
    await expect(readBlueprintFolder(directory)).rejects.toThrow(/symbolic links are refused/);
  });
});
