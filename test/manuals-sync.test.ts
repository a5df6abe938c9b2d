import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ManualClock } from "../server/clock.js";
import type { ContentSyncContext } from "../server/content/content-syncer.js";
import { CONTENT_DIRECTORY } from "../server/hub.js";
import { createLogger } from "../server/logger.js";
import { exportManualRelease } from "../server/modules/manuals/export-release.js";
import { ManualContentError, manualContentSyncer } from "../server/modules/manuals/manual-content-syncer.js";
import { ManualPageEntity } from "../server/modules/manuals/manual-page.entity.js";
import { ManualPageRevisionEntity } from "../server/modules/manuals/manual-page-revision.entity.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

let hub: TestHub;
const clock = new ManualClock();
beforeAll(async () => {
  hub = await startTestHub({ clock });
});
afterAll(() => hub.stop());

const context = (contentDirectory: string): ContentSyncContext => ({
  dataSource: hub.database.dataSource,
  contentDirectory,
  clock,
  logger: createLogger("silent"),
});

/** A small manual in a temporary content/ folder; returns helpers to change it. */
function fixtureContent(manual: string) {
  const root = mkdtempSync(join(tmpdir(), "manual-content-"));
  const base = join(root, "manuals", manual);
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(base, path)), { recursive: true });
    writeFileSync(join(base, path), text);
  };
  const page = (title: string, order: number, body: string) =>
    `---\ntitle: ${title}\norder: ${order}\nsummary: About ${title.toLowerCase()}.\n---\n\n${body}`;
  write("manual.yaml", `title: ${manual}\nsummary: A test manual.\nmaintainers: []\n`);
  write(
    "1.0/release.yaml",
    `name: "1.0"\ntitle: Release 1.0\nstatus: current\nversions:\n  kubernetes: "1.36"\n`,
  );
  write(
    "1.0/01-start/index.md",
    page("Start", 1, "# Start\n\nSee [the install page](../02-setup/install.md#prerequisites).\n"),
  );
  write("1.0/02-setup/index.md", page("Setup", 2, "# Setup\n\n- [Install](install.md)\n"));
  write("1.0/02-setup/install.md", page("Install", 1, "# Install\n\n## Prerequisites\n\nA node.\n"));
  write("1.0/02-setup/remove-me.md", page("Remove me", 2, "# Remove me\n"));
  return {
    root,
    write,
    page,
    remove: (path: string) => unlinkSync(join(base, path)),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

async function pageBySlug(slug: string, releaseId?: string) {
  const pages = await hub.database.dataSource.manager.findBy(ManualPageEntity, { slug });
  return releaseId ? pages.find((page) => page.releaseId === releaseId) : pages[0];
}

describe("content sync of the real manual", () => {
  it("loads content/manuals on a cold database quickly, then changes nothing on a second run", async () => {
    const started = performance.now();
    const first = await manualContentSyncer.sync(context(CONTENT_DIRECTORY));
    const elapsed = performance.now() - started;
    console.info(`content sync of content/manuals on a cold database: ${Math.round(elapsed)} ms`);
    expect(first.summary).toMatch(/54 page\(s\): 54 created, 0 revised, 0 archived, 0 unchanged/);
    // The target is 5 s (the figure is in the report); the bound is loose because CI shares its cores.
    expect(elapsed).toBeLessThan(15_000);
    const second = await manualContentSyncer.sync(context(CONTENT_DIRECTORY));
    expect(second.summary).toMatch(/0 created, 0 revised, 0 archived, 54 unchanged/);
    const revisions = await hub.database.dataSource.manager.count(ManualPageRevisionEntity);
    expect(revisions).toBeGreaterThanOrEqual(54);
  });

  it("exports the release back to the same files, byte for byte (lossless round trip)", async () => {
    const files = await exportManualRelease(
      hub.database.dataSource.manager,
      "cooby-stack",
      "2026.11",
      CONTENT_DIRECTORY,
    );
    expect(files).not.toBeNull();
    const markdown = (files ?? []).filter((file) => file.path.endsWith(".md"));
    expect(markdown).toHaveLength(54);
    const images = (files ?? []).filter((file) => file.path.endsWith(".svg"));
    expect(images.map((file) => file.path)).toEqual(["cooby-stack/2026.11/02-planning/ip-plan.svg"]);
    for (const file of files ?? []) {
      const original = readFileSync(join(CONTENT_DIRECTORY, "manuals", file.path));
      if (file.path.endsWith(".yaml"))
        expect(parse(String(file.content)), file.path).toEqual(parse(original.toString("utf8")));
      else expect(Buffer.from(file.content).equals(original), file.path).toBe(true);
    }
  });

  it("rewrites links between pages to hub URLs inside the release, with prefixed anchors", async () => {
    const page = await pageBySlug("version-matrix");
    const revision = await hub.database.dataSource.manager.findOneByOrFail(ManualPageRevisionEntity, {
      id: page?.currentRevisionId ?? "",
    });
    expect(revision.html).toContain('href="/manuals/cooby-stack/2026.11/day-2-operations/upgrades"');
    expect(revision.html).not.toContain('.md"');
    expect(revision.toc.length).toBeGreaterThan(0);
    expect(revision.html).toContain('<aside class="admonition warning" role="note">');
    const layer2 = await pageBySlug("layer2");
    const withCode = await hub.database.dataSource.manager.findOneByOrFail(ManualPageRevisionEntity, {
      id: layer2?.currentRevisionId ?? "",
    });
    expect(withCode.html).toContain('<button type="button" class="copy-code" data-copy>');
  });
});

describe("content sync of a changing manual", () => {
  it("creates a revision for a changed file, archives a removed one and brings it back", async () => {
    const content = fixtureContent("changing-manual");
    try {
      const first = await manualContentSyncer.sync(context(content.root));
      expect(first.summary).toMatch(/4 created/);
      const start = await pageBySlug("index");
      expect(start).toBeDefined();
      const startRevision = await hub.database.dataSource.manager.findOneByOrFail(ManualPageRevisionEntity, {
        id: (await hubPage("changing-manual", "start"))?.currentRevisionId ?? "",
      });
      expect(startRevision.html).toContain(
        'href="/manuals/changing-manual/1.0/setup/install#h-prerequisites"',
      );

      content.write(
        "1.0/02-setup/install.md",
        content.page("Install", 1, "# Install\n\n## Prerequisites\n\nTwo nodes.\n"),
      );
      content.remove("1.0/02-setup/remove-me.md");
      const second = await manualContentSyncer.sync(context(content.root));
      expect(second.summary).toMatch(/0 created, 1 revised, 1 archived, 2 unchanged/);
      const install = await hubPage("changing-manual", "setup", "install");
      const revisions = await hub.database.dataSource.manager.find(ManualPageRevisionEntity, {
        where: { pageId: install?.id },
        order: { number: "ASC" },
      });
      expect(revisions.map((revision) => revision.number)).toEqual([1, 2]);
      expect(revisions[1]?.markdown).toContain("Two nodes.");
      expect((await hubPage("changing-manual", "setup", "remove-me"))?.archived).toBe(true);

      const third = await manualContentSyncer.sync(context(content.root));
      expect(third.summary).toMatch(/0 created, 0 revised, 0 archived, 3 unchanged/);

      content.write("1.0/02-setup/remove-me.md", content.page("Remove me", 2, "# Remove me\n"));
      const fourth = await manualContentSyncer.sync(context(content.root));
      expect(fourth.summary).toMatch(/0 created, 0 revised, 0 archived, 4 unchanged/);
      expect((await hubPage("changing-manual", "setup", "remove-me"))?.archived).toBe(false);
    } finally {
      content.cleanup();
    }
  });

  it("keeps a status set in the hub until release.yaml itself changes", async () => {
    const content = fixtureContent("status-manual");
    const status = async () => {
      const rows: Array<{ status: string }> = await hub.database.dataSource.query(
        "SELECT r.status FROM manual_release r JOIN manual m ON m.id = r.manual_id WHERE m.slug = 'status-manual'",
      );
      return rows[0]?.status;
    };
    try {
      await manualContentSyncer.sync(context(content.root));
      expect(await status()).toBe("current");
      await hub.database.dataSource.query(
        "UPDATE manual_release SET status = 'unmaintained' WHERE manual_id = (SELECT id FROM manual WHERE slug = 'status-manual')",
      );
      await manualContentSyncer.sync(context(content.root));
      expect(await status()).toBe("unmaintained");
      content.write(
        "1.0/release.yaml",
        `name: "1.0"\ntitle: Release 1.0\nstatus: maintained\nversions: {}\n`,
      );
      await manualContentSyncer.sync(context(content.root));
      expect(await status()).toBe("maintained");
    } finally {
      content.cleanup();
    }
  });

  it("follows the release's images on every sync, also when release.yaml did not change", async () => {
    const content = fixtureContent("image-manual");
    const assets = async () => {
      const rows: Array<{ assets: string[] }> = await hub.database.dataSource.query(
        "SELECT r.assets FROM manual_release r JOIN manual m ON m.id = r.manual_id WHERE m.slug = 'image-manual'",
      );
      return rows[0]?.assets;
    };
    try {
      content.write("1.0/02-setup/rack.png", "not really a png");
      await manualContentSyncer.sync(context(content.root));
      expect(await assets()).toEqual(["02-setup/rack.png"]);
      content.write("1.0/02-setup/img/cabling.svg", "<svg/>");
      content.write("1.0/02-setup/.hidden.png", "skipped");
      await manualContentSyncer.sync(context(content.root));
      expect(await assets()).toEqual(["02-setup/img/cabling.svg", "02-setup/rack.png"]);
    } finally {
      content.cleanup();
    }
  });

  it("reports front matter errors, duplicate slugs and broken links with file and line, writing nothing", async () => {
    const content = fixtureContent("broken-manual");
    try {
      content.write(
        "1.0/02-setup/bad-front-matter.md",
        "---\ntitle: Bad\norder: first\nsummary: x\n---\n\n# Bad\n",
      );
      content.write("1.0/02-setup/no-front-matter.md", "# No front matter\n");
      content.write("1.0/03-start/index.md", content.page("Start again", 3, "# Again\n"));
      content.write(
        "1.0/02-setup/links.md",
        content.page(
          "Links",
          5,
          "# Links\n\nLine one.\n\n[gone](../09-missing/page.md) and [anchor](install.md#nowhere)\n",
        ),
      );
      const before = await hub.database.dataSource.manager.count(ManualPageEntity);
      const error = await manualContentSyncer.sync(context(content.root)).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(ManualContentError);
      const problems = (error as ManualContentError).problems.map(
        (problem) => `${problem.file}:${problem.line}: ${problem.message}`,
      );
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^manuals\/broken-manual\/1\.0\/02-setup\/bad-front-matter\.md:3: .*order/),
          expect.stringMatching(/^manuals\/broken-manual\/1\.0\/02-setup\/no-front-matter\.md:1: /),
          expect.stringMatching(/^manuals\/broken-manual\/1\.0\/03-start:1: duplicate chapter slug "start"/),
          expect.stringMatching(
            /^manuals\/broken-manual\/1\.0\/02-setup\/links\.md:11: broken link "\.\.\/09-missing\/page\.md"/,
          ),
          expect.stringMatching(
            /^manuals\/broken-manual\/1\.0\/02-setup\/links\.md:11: broken link "install\.md#nowhere"/,
          ),
        ]),
      );
      expect((error as Error).message).toContain("content/manuals/broken-manual/1.0/02-setup/links.md:11");
      expect(await hub.database.dataSource.manager.count(ManualPageEntity)).toBe(before);
    } finally {
      content.cleanup();
    }
  });
});

describe("Page slugs in content/", () => {
  // A page's slug is its file name, so two pages of one chapter can only share a slug through case
  // (`Install.md` beside `install.md`, one file on a case-insensitive disk) or a name the URL cannot carry:
  // such names are refused, with file and line, before anything is written.
  it("refuses a page whose file name would duplicate or mangle a slug, with file and line, writing nothing", async () => {
    const content = fixtureContent("page-slug-manual");
    try {
      content.write("1.0/02-setup/Install.md", content.page("Install again", 3, "# Install again\n"));
      content.write("1.0/02-setup/install copy.md", content.page("Copy", 4, "# Copy\n"));
      const manager = hub.database.dataSource.manager;
      const pagesBefore = await manager.count(ManualPageEntity);
      const revisionsBefore = await manager.count(ManualPageRevisionEntity);
      const error = await manualContentSyncer.sync(context(content.root)).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(ManualContentError);
      const problems = (error as ManualContentError).problems.map(
        (problem) => `${problem.file}:${problem.line}: ${problem.message}`,
      );
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^manuals\/page-slug-manual\/1\.0\/02-setup\/Install\.md:1: .*slug/),
          expect.stringMatching(/^manuals\/page-slug-manual\/1\.0\/02-setup\/install copy\.md:1: .*slug/),
        ]),
      );
      expect(await manager.count(ManualPageEntity)).toBe(pagesBefore);
      expect(await manager.count(ManualPageRevisionEntity)).toBe(revisionsBefore);
      expect(
        await manager
          .query("SELECT 1 FROM manual WHERE slug = 'page-slug-manual'")
          .then((rows) => rows.length),
      ).toBe(0);
    } finally {
      content.cleanup();
    }
  });
});

/** A page of a manual's release "1.0" by chapter and page slug. */
async function hubPage(manual: string, chapter: string, page = "index") {
  const rows: Array<{ id: string }> = await hub.database.dataSource.query(
    `SELECT p.id FROM manual_page p JOIN manual_chapter c ON c.id = p.chapter_id JOIN manual_release r ON r.id = p.release_id
     JOIN manual m ON m.id = r.manual_id WHERE m.slug = $1 AND r.name = '1.0' AND c.slug = $2 AND p.slug = $3`,
    [manual, chapter, page],
  );
  return rows[0] ? hub.database.dataSource.manager.findOneBy(ManualPageEntity, { id: rows[0].id }) : null;
}
