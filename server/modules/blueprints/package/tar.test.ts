import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readOwnArchive } from "./read-own-archive.js";
import { readUploadedTarball, UploadRefused } from "./tar-reader.js";
import { writeDeterministicTarGz } from "./tar-writer.js";

const files = [
  { path: "demo/templates/b.yaml", content: Buffer.from("b: 1\n") },
  { path: "demo/README.md", content: Buffer.from("# Demo\n") },
  { path: `demo/templates/${"long-folder-name/".repeat(8)}c.yaml`, content: Buffer.alloc(1500, 0x63) },
];

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (error: unknown) => (error instanceof UploadRefused ? error.reason : `other: ${error}`),
  );

describe("deterministic archives", () => {
  it("gives the same bytes whatever the input order", () => {
    const forward = writeDeterministicTarGz(files);
    const backward = writeDeterministicTarGz([...files].reverse());
    expect(forward.equals(backward)).toBe(true);
  });

  it("is read by GNU tar with sorted entries, fixed mtime and owner 0", () => {
    const directory = mkdtempSync(join(tmpdir(), "tar-test-"));
    try {
      writeFileSync(join(directory, "a.tgz"), writeDeterministicTarGz(files));
      const listing = execFileSync("tar", ["tzvf", join(directory, "a.tgz"), "--numeric-owner"], {
        env: { ...process.env, TZ: "UTC" },
      }).toString();
      const lines = listing.trim().split("\n");
      expect(lines.map((line) => line.split(/\s+/).at(-1))).toEqual(
        [...files.map((file) => file.path)].sort(),
      );
      expect(
        lines.every((line) => line.startsWith("-rw-r--r-- 0/0") && line.includes("2000-01-01 00:00")),
      ).toBe(true);
      execFileSync("tar", ["xzf", "a.tgz"], { cwd: directory });
      expect(readFileSync(join(directory, files[2].path)).equals(files[2].content)).toBe(true);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it("reads back its own archives and strips the top folder", () => {
    const read = readOwnArchive(writeDeterministicTarGz(files), "demo/");
    expect([...read.keys()].sort()).toEqual(files.map((file) => file.path.slice(5)).sort());
    expect(read.get("README.md")?.toString()).toBe("# Demo\n");
  });
});

describe("reading uploads", () => {
  it("strips one common top folder but keeps a root-level blueprint", async () => {
    const upload = await readUploadedTarball(writeDeterministicTarGz(files));
    expect(upload.has("README.md")).toBe(true);
    const root = await readUploadedTarball(
      writeDeterministicTarGz([
        { path: "blueprint.yaml", content: Buffer.from("x") },
        { path: "templates/a.yaml", content: Buffer.from("y") },
      ]),
    );
    expect([...root.keys()].sort()).toEqual(["blueprint.yaml", "templates/a.yaml"]);
  });

  it("refuses traversal, absolute paths, duplicates, garbage and oversized content with reasons", async () => {
    const one = (path: string) => writeDeterministicTarGz([{ path, content: Buffer.from("x") }]);
    expect(await refusal(readUploadedTarball(one("a/../../etc/passwd")))).toMatch(/path traversal/);
    expect(await refusal(readUploadedTarball(one("/etc/passwd")))).toMatch(/absolute paths/);
    expect(await refusal(readUploadedTarball(one("a\\b")))).toMatch(/backslashes/);
    expect(await refusal(readUploadedTarball(Buffer.from("not a tarball at all")))).toMatch(
      /not a valid tar/,
    );
    expect(await refusal(readUploadedTarball(Buffer.alloc(10 * 1024 * 1024 + 1)))).toMatch(
      /larger than 10 MiB/,
    );
    const bomb = writeDeterministicTarGz([{ path: "a/big", content: Buffer.alloc(10 * 1024 * 1024 + 1) }]);
    expect(bomb.length).toBeLessThan(100_000);
    expect(await refusal(readUploadedTarball(bomb))).toMatch(/unpacked files are larger than 10 MiB/);
    const twice = writeDeterministicTarGz([
      { path: "a/x", content: Buffer.from("1") },
      { path: "a/./x", content: Buffer.from("2") },
    ]);
    expect(await refusal(readUploadedTarball(twice))).toMatch(/appears twice/);
  });

  it("refuses symbolic links and hard links made by GNU tar", async () => {
    const directory = mkdtempSync(join(tmpdir(), "tar-links-"));
    try {
      execFileSync("sh", ["-c", "mkdir d && echo hi > d/f && ln -s /etc/passwd d/s && tar czf s.tgz d"], {
        cwd: directory,
      });
      expect(await refusal(readUploadedTarball(readFileSync(join(directory, "s.tgz"))))).toMatch(/links/);
      execFileSync("sh", ["-c", "rm -r d && mkdir d && echo hi > d/f && ln d/f d/h && tar czf h.tgz d"], {
        cwd: directory,
      });
      expect(await refusal(readUploadedTarball(readFileSync(join(directory, "h.tgz"))))).toMatch(/links/);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
