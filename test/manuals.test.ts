import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../server/clock.js";
import { CONTENT_DIRECTORY } from "../server/hub.js";
import { createLogger } from "../server/logger.js";
import { findUnsafeMarkup, XSS_CORPUS } from "../server/markdown/index.js";
import { inTransaction } from "../server/db/transaction.js";
import { fromGlobalId } from "../server/graphql/global-id.js";
import { ManualEntity } from "../server/modules/manuals/manual.entity.js";
import { ManualChapterEntity } from "../server/modules/manuals/manual-chapter.entity.js";
import { ManualPageEntity } from "../server/modules/manuals/manual-page.entity.js";
import { ManualPageRevisionEntity } from "../server/modules/manuals/manual-page-revision.entity.js";
import { ManualReleaseEntity } from "../server/modules/manuals/manual-release.entity.js";
import { writePageRevision } from "../server/modules/manuals/write-page-revision.js";
import { DEFAULT_REVISION_LIMIT } from "../server/modules/manuals/append-revision.js";
import { manualContentSyncer } from "../server/modules/manuals/manual-content-syncer.js";
import { ManualMaintainerEntity } from "../server/modules/manuals/manual-maintainer.entity.js";
import { buildApiToken, buildCooperative, buildPerson, buildSteward } from "./support/factories.js";
import { expectData, expectErrorCode, graphql, problemFields } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

let hub: TestHub;
let maintainer: string;
let personMaintainer: string;
let member: string;
let otherMember: string;
const clock = new ManualClock();

beforeAll(async () => {
  hub = await startTestHub({ clock });
  const dataSource = hub.database.dataSource;
  await manualContentSyncer.sync({
    dataSource,
    contentDirectory: CONTENT_DIRECTORY,
    clock,
    logger: createLogger("silent"),
  });
  const manual = await dataSource.manager.findOneByOrFail(ManualEntity, { slug: "cooby-stack" });
  const coopAdmin = await buildPerson(dataSource);
  const cooperative = await buildCooperative(dataSource, { admins: [coopAdmin] });
  const individual = await buildPerson(dataSource);
  await dataSource.manager.insert(ManualMaintainerEntity, [
    { manualId: manual.id, cooperativeId: cooperative.id },
    { manualId: manual.id, personId: individual.id },
  ]);
  maintainer = await buildApiToken(dataSource, coopAdmin);
  personMaintainer = await buildApiToken(dataSource, individual);
  member = await buildApiToken(dataSource, await buildPerson(dataSource));
  otherMember = await buildApiToken(dataSource, await buildPerson(dataSource));
});
afterAll(() => hub.stop());

interface PageData {
  id: string;
  title: string;
  url: string;
  html: string;
  markdown: string;
  currentRevision: { id: string; number: number };
  toc: Array<{ level: number; id: string; text: string }>;
}

const PAGE = `query($path: String!, $release: String) { manual(slug: "cooby-stack") { release(name: $release) {
  name status banner page(path: $path) { id title url path html markdown archived toc { level id text }
  currentRevision { id number } } } } }`;

async function readPage(path: string, release?: string, token?: string): Promise<PageData> {
  const data = expectData(
    await graphql<{ manual: { release: { page: PageData } } }>(hub.url, PAGE, { path, release }, { token }),
  );
  return data.manual.release.page;
}

const PROPOSE = `mutation($input: ProposeManualChangeInput!) { proposeManualChange(input: $input) { proposal {
  id status conflict previewHtml brokenLinks slug diff { html added removed } author { id } page { id } } } }`;
const MERGE = `mutation($input: MergeManualProposalInput!) { mergeManualProposal(input: $input) {
  proposal { status mergedRevision { number } page { path } } revision { number source message html author { id } } } }`;
const DECLINE = `mutation($input: DeclineManualProposalInput!) { declineManualProposal(input: $input) {
  proposal { status comments { body html } decidedAt } } }`;
const COMMENT = `mutation($input: CommentOnManualProposalInput!) { commentOnManualProposal(input: $input) {
  comment { body html author { id } } proposal { comments { body } } } }`;
const EDIT = `mutation($input: EditManualPageInput!) { editManualPage(input: $input) { revision { number source } page { id } } }`;
const PROPOSAL = `query($id: ID!) { manualProposal(id: $id) { status conflict comments { body } } }`;

async function propose(token: string, input: Record<string, unknown>) {
  const result = await graphql<{
    proposeManualChange: { proposal: Record<string, unknown> & { id: string } };
  }>(hub.url, PROPOSE, { input }, { token });
  return expectData(result).proposeManualChange.proposal;
}

const editOf = (page: PageData, markdown: string, message = "Clarify") => ({
  pageId: page.id,
  baseRevisionId: page.currentRevision.id,
  title: page.title,
  markdown,
  message,
});

describe("Reading a manual", () => {
  it("lists manuals and releases with status and component versions", async () => {
    const data = expectData(
      await graphql<{
        manuals: { totalCount: number; edges: Array<{ node: Record<string, unknown> }> };
      }>(
        hub.url,
        `{ manuals { totalCount edges { node { slug title releases { name status banner versions { component version } } } } } }`,
      ),
    );
    const manual = data.manuals.edges.find((edge) => edge.node.slug === "cooby-stack")?.node;
    expect(manual?.title).toBe("The Cooby stack");
    const [release] = (manual?.releases ?? []) as Array<{
      name: string;
      status: string;
      banner: string | null;
      versions: unknown[];
    }>;
    expect(release).toMatchObject({ name: "2026.11", status: "CURRENT", banner: null });
    expect(release?.versions[0]).toEqual({ component: "kubernetes", version: "1.36" });
  });

  it("gives the sidebar: chapters in order, each chapter's index page first", async () => {
    const data = expectData(
      await graphql<{
        manual: {
          release: {
            chapters: Array<{
              slug: string;
              order: number;
              pages: Array<{ slug: string; path: string; url: string }>;
            }>;
          };
        };
      }>(
        hub.url,
        `{ manual(slug: "cooby-stack") { release { chapters { slug order pages { slug path url } } } } }`,
      ),
    );
    const chapters = data.manual.release.chapters;
    expect(chapters).toHaveLength(12);
    expect(chapters[0]?.slug).toBe("overview");
    expect(chapters.map((chapter) => chapter.order)).toEqual(
      [...chapters.map((chapter) => chapter.order)].sort((a, b) => a - b),
    );
    const metallb = chapters.find((chapter) => chapter.slug === "load-balancing-metallb");
    expect(metallb?.pages[0]).toEqual({
      slug: "index",
      path: "load-balancing-metallb",
      url: "/manuals/cooby-stack/2026.11/load-balancing-metallb",
    });
    expect(metallb?.pages.map((page) => page.slug)).toContain("layer2");
  });

  it("serves a page's stored HTML and table of contents by its stable path", async () => {
    const page = await readPage("load-balancing-metallb/layer2");
    expect(page.url).toBe("/manuals/cooby-stack/2026.11/load-balancing-metallb/layer2");
    expect(page.html).toContain('<h2 id="h-pools">');
    expect(page.html).toContain('<button type="button" class="copy-code" data-copy>');
    expect(page.toc).toContainEqual({ level: 2, id: "h-pools", text: "Pools" });
    expect(page.currentRevision.number).toBe(1);
    expect((await readPage("load-balancing-metallb/index")).id).toBe(
      (await readPage("load-balancing-metallb")).id,
    );
    const missing = await graphql<{ manual: { release: { page: null } } }>(hub.url, PAGE, {
      path: "nope/nothing",
    });
    expect(expectData(missing).manual.release.page).toBeNull();
  });
});

describe("Change proposals", () => {
  it("lets a member propose, a maintainer comment and merge; the merge is a revision with a diff", async () => {
    const page = await readPage("planning/hardware");
    const markdown = `${page.markdown}\n## Spare parts\n\nKeep one spare disk per node.\n`;
    const proposal = await propose(member, { ...editOf(page, markdown, "Add spare parts") });
    expect(proposal).toMatchObject({ status: "OPEN", conflict: false, brokenLinks: [] });
    expect(proposal.previewHtml).toContain('<h2 id="h-spare-parts">');
    expect(proposal.diff).toMatchObject({ added: 4, removed: 0 });

    expectErrorCode(
      await graphql(hub.url, MERGE, { input: { proposalId: proposal.id } }, { token: otherMember }),
      "FORBIDDEN",
    );
    const comment = expectData(
      await graphql<{ commentOnManualProposal: { comment: { html: string } } }>(
        hub.url,
        COMMENT,
        { input: { proposalId: proposal.id, body: "Looks **good**" } },
        { token: maintainer },
      ),
    );
    expect(comment.commentOnManualProposal.comment.html).toContain("<strong>good</strong>");
    expectErrorCode(
      await graphql(
        hub.url,
        COMMENT,
        { input: { proposalId: proposal.id, body: "me too" } },
        { token: otherMember },
      ),
      "FORBIDDEN",
    );
    const merged = expectData(
      await graphql<{
        mergeManualProposal: { proposal: Record<string, unknown>; revision: Record<string, unknown> };
      }>(hub.url, MERGE, { input: { proposalId: proposal.id } }, { token: maintainer }),
    ).mergeManualProposal;
    expect(merged.proposal).toMatchObject({ status: "MERGED", mergedRevision: { number: 2 } });
    expect(merged.revision).toMatchObject({ number: 2, source: "PROPOSAL", message: "Add spare parts" });
    expect(merged.revision.author).toEqual(proposal.author);

    const after = await readPage("planning/hardware");
    expect(after.html).toContain("Keep one spare disk per node.");
    const history = expectData(
      await graphql<{
        manual: {
          release: {
            page: {
              revisions: { totalCount: number; edges: Array<{ node: { number: number } }> };
              diff: { html: string; added: number };
            };
          };
        };
      }>(
        hub.url,
        `{ manual(slug: "cooby-stack") { release { page(path: "planning/hardware") {
          revisions(first: 10) { totalCount edges { node { number } } } diff(from: 1, to: 2) { html added } } } } }`,
      ),
    ).manual.release.page;
    expect(history.revisions.totalCount).toBe(2);
    expect(history.revisions.edges.map((edge) => edge.node.number)).toEqual([2, 1]);
    expect(history.diff.added).toBe(4);
    expect(history.diff.html).toContain("Keep one spare disk per node.");

    expectErrorCode(
      await graphql(hub.url, MERGE, { input: { proposalId: proposal.id } }, { token: maintainer }),
      "CONFLICT",
    );
  });

  it("shows a proposal based on an older revision as a conflict and never merges it silently", async () => {
    const page = await readPage("planning/ports-and-firewall");
    const first = await propose(member, editOf(page, `${page.markdown}\nFirst addition.\n`));
    const second = await propose(otherMember, editOf(page, `${page.markdown}\nSecond addition.\n`));
    expectData(await graphql(hub.url, MERGE, { input: { proposalId: first.id } }, { token: maintainer }));
    const stale = expectData(
      await graphql<{ manualProposal: { conflict: boolean; status: string } }>(hub.url, PROPOSAL, {
        id: second.id,
      }),
    );
    expect(stale.manualProposal).toMatchObject({ conflict: true, status: "OPEN" });
    const refused = await graphql(
      hub.url,
      MERGE,
      { input: { proposalId: second.id } },
      { token: maintainer },
    );
    expectErrorCode(refused, "CONFLICT");
    expect(refused.errors?.[0]?.extensions?.reason).toBe("STALE_BASE");
    expect((await readPage("planning/ports-and-firewall")).markdown).toContain("First addition.");

    const accepted = expectData(
      await graphql<{ mergeManualProposal: { revision: { number: number } } }>(
        hub.url,
        MERGE,
        { input: { proposalId: second.id, acceptConflict: true } },
        { token: personMaintainer },
      ),
    );
    expect(accepted.mergeManualProposal.revision.number).toBe(3);
  });

  it("lets a maintainer decline with a reason, shown as a comment", async () => {
    const page = await readPage("planning/high-availability");
    const proposal = await propose(member, editOf(page, "Replace everything."));
    const declined = expectData(
      await graphql<{
        declineManualProposal: { proposal: { status: string; comments: Array<{ body: string }> } };
      }>(
        hub.url,
        DECLINE,
        { input: { proposalId: proposal.id, reason: "This would remove the HA design." } },
        { token: maintainer },
      ),
    );
    expect(declined.declineManualProposal.proposal.status).toBe("DECLINED");
    expect(declined.declineManualProposal.proposal.comments.map((comment) => comment.body)).toEqual([
      "This would remove the HA design.",
    ]);
    expectErrorCode(
      await graphql(hub.url, DECLINE, { input: { proposalId: proposal.id } }, { token: maintainer }),
      "CONFLICT",
    );
    expectErrorCode(
      await graphql(hub.url, DECLINE, { input: { proposalId: proposal.id } }, { token: member }),
      "FORBIDDEN",
    );
  });

  it("proposes and merges a new page whose links resolve inside the release", async () => {
    const chapter = expectData(
      await graphql<{ manual: { release: { chapters: Array<{ id: string; slug: string }> } } }>(
        hub.url,
        `{ manual(slug: "cooby-stack") { release { chapters { id slug } } } }`,
      ),
    ).manual.release.chapters.find((candidate) => candidate.slug === "load-balancing-metallb");
    const input = {
      chapterId: chapter?.id,
      slug: "cilium-alternative",
      title: "Cilium instead of MetalLB",
      summary: "When to use Cilium's LB IPAM.",
      markdown: "# Cilium\n\nCompare with [layer 2](layer2.md#pools) and [nothing](missing.md).\n",
    };
    const proposal = await propose(member, input);
    expect(proposal.brokenLinks).toEqual(["missing.md"]);
    expect(proposal.previewHtml).toContain(
      'href="/manuals/cooby-stack/2026.11/load-balancing-metallb/layer2#h-pools"',
    );
    const merged = expectData(
      await graphql<{ mergeManualProposal: { proposal: { page: { path: string } } } }>(
        hub.url,
        MERGE,
        { input: { proposalId: proposal.id } },
        { token: maintainer },
      ),
    );
    expect(merged.mergeManualProposal.proposal.page.path).toBe("load-balancing-metallb/cilium-alternative");
    expect((await readPage("load-balancing-metallb/cilium-alternative")).title).toBe(
      "Cilium instead of MetalLB",
    );
    const again = await graphql(hub.url, PROPOSE, { input }, { token: member });
    expectErrorCode(again, "CONFLICT");
  });

  it("never stores executable markup from a hostile proposal, in the preview or after merging", async () => {
    const page = await readPage("planning/ip-and-dns-plan");
    const markdown = XSS_CORPUS.map((payload) => payload.markdown).join("\n\n");
    const proposal = await propose(member, editOf(page, markdown, "<script>alert(1)</script>"));
    expect(findUnsafeMarkup(proposal.previewHtml as string)).toEqual([]);
    const merged = expectData(
      await graphql<{ mergeManualProposal: { revision: { html: string } } }>(
        hub.url,
        MERGE,
        { input: { proposalId: proposal.id } },
        { token: maintainer },
      ),
    );
    expect(findUnsafeMarkup(merged.mergeManualProposal.revision.html)).toEqual([]);
    expect(findUnsafeMarkup((await readPage("planning/ip-and-dns-plan")).html)).toEqual([]);
  });

  it("names every invalid field of a proposal", async () => {
    const result = await graphql(
      hub.url,
      PROPOSE,
      { input: { title: " ", markdown: "x", slug: "Bad Slug" } },
      { token: member },
    );
    expectErrorCode(result, "BAD_USER_INPUT");
    expect(problemFields(result)).toEqual(
      expect.arrayContaining(["input.title", "input.slug", "input.chapterId"]),
    );
    const noBase = await graphql(
      hub.url,
      PROPOSE,
      { input: { pageId: "x", title: "T", markdown: "x" } },
      { token: member },
    );
    expect(problemFields(noBase)).toContain("input.baseRevisionId");
  });
});

describe("Editing and restoring", () => {
  it("refuses direct edits without the maintainer role and edits based on an older revision", async () => {
    const page = await readPage("node-preparation/containerd");
    expectErrorCode(
      await graphql(hub.url, EDIT, { input: editOf(page, "Mine now.") }, { token: member }),
      "FORBIDDEN",
    );
    const edited = expectData(
      await graphql<{ editManualPage: { revision: { number: number; source: string } } }>(
        hub.url,
        EDIT,
        { input: editOf(page, `${page.markdown}\nEdited.\n`) },
        { token: personMaintainer },
      ),
    );
    expect(edited.editManualPage.revision).toEqual({ number: 2, source: "EDIT" });
    const stale = await graphql(hub.url, EDIT, { input: editOf(page, "Overwrite.") }, { token: maintainer });
    expectErrorCode(stale, "CONFLICT");
    expect((await readPage("node-preparation/containerd")).markdown).toContain("Edited.");
  });

  it("restores an older revision as a new one", async () => {
    const RESTORE = `mutation($input: RestoreManualPageRevisionInput!) { restoreManualPageRevision(input: $input) {
      revision { number source markdown message } } }`;
    const original = await readPage("node-preparation/operating-system");
    expectData(
      await graphql(hub.url, EDIT, { input: editOf(original, "Broken text.") }, { token: maintainer }),
    );
    expectErrorCode(
      await graphql(hub.url, RESTORE, { input: { pageId: original.id, number: 1 } }, { token: member }),
      "FORBIDDEN",
    );
    const restored = expectData(
      await graphql<{ restoreManualPageRevision: { revision: Record<string, unknown> } }>(
        hub.url,
        RESTORE,
        { input: { pageId: original.id, number: 1 } },
        { token: maintainer },
      ),
    ).restoreManualPageRevision.revision;
    expect(restored).toEqual({
      number: 3,
      source: "RESTORE",
      markdown: original.markdown,
      message: "Restored revision 1",
    });
    expectErrorCode(
      await graphql(hub.url, RESTORE, { input: { pageId: original.id, number: 3 } }, { token: maintainer }),
      "CONFLICT",
    );
    expectErrorCode(
      await graphql(hub.url, RESTORE, { input: { pageId: original.id, number: 99 } }, { token: maintainer }),
      "NOT_FOUND",
    );
  });
});

describe("Revision limit", () => {
  it("keeps at most the limit of revisions per page, pruning the oldest, never the current one", async () => {
    const dataSource = hub.database.dataSource;
    const page = await readPage("storage-openebs/local-pv");
    const pageRow = await dataSource.manager.findOneByOrFail(ManualPageEntity, {
      id: fromGlobalId(page.id, "ManualPage", "id"),
    });
    const chapter = await dataSource.manager.findOneByOrFail(ManualChapterEntity, { id: pageRow.chapterId });
    const release = await dataSource.manager.findOneByOrFail(ManualReleaseEntity, { id: pageRow.releaseId });
    const manual = await dataSource.manager.findOneByOrFail(ManualEntity, { id: release.manualId });
    for (let round = 1; round <= 4; round += 1) {
      await inTransaction(dataSource, (manager) =>
        writePageRevision(
          manager,
          { manual, release, chapter, page: pageRow },
          { title: page.title, summary: "", markdown: `# Round ${round}\n`, message: `round ${round}` },
          { authorId: null, source: "edit", now: clock.now(), limit: 3 },
        ),
      );
    }
    const numbers = (await dataSource.manager.findBy(ManualPageRevisionEntity, { pageId: pageRow.id }))
      .map((revision) => revision.number)
      .sort((a, b) => a - b);
    expect(numbers).toEqual([3, 4, 5]);
    expect((await readPage("storage-openebs/local-pv")).currentRevision.number).toBe(5);
    expectErrorCode(
      await graphql(
        hub.url,
        `{ manual(slug: "cooby-stack") { release { page(path: "storage-openebs/local-pv") { diff(from: 1, to: 5) { html } } } } }`,
      ),
      "NOT_FOUND",
    );
  });
});

describe("Page read cache (per process, keyed by the release's content generation)", () => {
  const path = "odoo-hosting/postgresql";

  it("shows an edit made through the API at once", async () => {
    const before = await readPage(path);
    expect((await readPage(path)).html).toBe(before.html);
    expectData(
      await graphql(
        hub.url,
        EDIT,
        {
          input: {
            pageId: before.id,
            baseRevisionId: before.currentRevision.id,
            title: before.title,
            markdown: `${before.markdown}\n## Cache check\n\nEdited through the API.\n`,
            message: "cache check",
          },
        },
        { token: maintainer },
      ),
    );
    const after = await readPage(path);
    expect(after.html).toContain("Edited through the API.");
    expect(after.toc.map((heading) => heading.text)).toContain("Cache check");
  });

  it("shows writes made directly in SQL, as another hub process would, at once", async () => {
    const dataSource = hub.database.dataSource;
    const page = await readPage(path);
    const pageId = fromGlobalId(page.id, "ManualPage", "id");
    await dataSource.query("UPDATE manual_page_revision SET html = $1, toc = '[]' WHERE id = $2", [
      "<p>Written by another process.</p>",
      fromGlobalId(page.currentRevision.id, "ManualPageRevision", "id"),
    ]);
    const changed = await readPage(path);
    expect(changed.html).toBe("<p>Written by another process.</p>");
    expect(changed.toc).toEqual([]);
    await dataSource.query("UPDATE manual_page SET title = 'Retitled elsewhere' WHERE id = $1", [pageId]);
    expect((await readPage(path)).title).toBe("Retitled elsewhere");
  });

  it("moves the generation forward on content writes, never back", async () => {
    const dataSource = hub.database.dataSource;
    const generation = async () =>
      Number(
        (
          (await dataSource.query(
            "SELECT content_generation FROM manual_release WHERE name = '2026.11' AND manual_id = (SELECT id FROM manual WHERE slug = 'cooby-stack')",
          )) as Array<{ content_generation: string }>
        )[0]?.content_generation,
      );
    const start = await generation();
    expect(start).toBeGreaterThan(0);
    await dataSource.query(
      "UPDATE manual_chapter SET summary = summary || ' ' WHERE slug = 'odoo-hosting' AND release_id IN (SELECT id FROM manual_release WHERE name = '2026.11')",
    );
    expect(await generation()).toBeGreaterThan(start);
    await dataSource.query("UPDATE manual_release SET content_generation = 0 WHERE name = '2026.11'");
    expect(await generation()).toBeGreaterThan(start);
  });
});

describe("Default revision limit", () => {
  it("is 100: the 101st revision beyond it prunes the oldest when no limit is given", async () => {
    expect(DEFAULT_REVISION_LIMIT).toBe(100);
    const dataSource = hub.database.dataSource;
    const page = await readPage("rancher/importing-clusters");
    const pageRow = await dataSource.manager.findOneByOrFail(ManualPageEntity, {
      id: fromGlobalId(page.id, "ManualPage", "id"),
    });
    const chapter = await dataSource.manager.findOneByOrFail(ManualChapterEntity, { id: pageRow.chapterId });
    const release = await dataSource.manager.findOneByOrFail(ManualReleaseEntity, { id: pageRow.releaseId });
    const manual = await dataSource.manager.findOneByOrFail(ManualEntity, { id: release.manualId });
    // Revisions 2..100 in one statement (the page has revision 1 from content/), then one write at the default.
    await dataSource.query(
      `INSERT INTO manual_page_revision (page_id, number, title, summary, markdown, html, toc, message, source, created_at)
       SELECT $1, n, 'Filler', '', '# Filler', '<h1>Filler</h1>', '[]'::jsonb, 'filler', 'edit', now()
         FROM generate_series(2, 100) AS n`,
      [pageRow.id],
    );
    const count = () => dataSource.manager.countBy(ManualPageRevisionEntity, { pageId: pageRow.id });
    expect(await count()).toBe(100);
    await inTransaction(dataSource, (manager) =>
      writePageRevision(
        manager,
        { manual, release, chapter, page: pageRow },
        { title: page.title, summary: "", markdown: "# Revision 101\n", message: "over the limit" },
        { authorId: null, source: "edit", now: clock.now() },
      ),
    );
    const numbers = (await dataSource.manager.findBy(ManualPageRevisionEntity, { pageId: pageRow.id }))
      .map((revision) => revision.number)
      .sort((a, b) => a - b);
    expect(numbers).toHaveLength(100);
    expect(numbers[0]).toBe(2);
    expect(numbers.at(-1)).toBe(101);
    expect((await readPage("rancher/importing-clusters")).html).toContain("Revision 101");
  });
});

describe("Maintainers", () => {
  const ADD = `mutation($input: AddManualMaintainerInput!) { addManualMaintainer(input: $input) {
    manual { maintainers { cooperative { slug } person { handle } } } } }`;
  const REMOVE = `mutation($input: RemoveManualMaintainerInput!) { removeManualMaintainer(input: $input) { manual { id } } }`;

  it("lets stewards give and take the maintainer role, which then allows merging", async () => {
    const dataSource = hub.database.dataSource;
    const manual = expectData(
      await graphql<{ manual: { id: string; viewerCanMaintain: boolean } }>(
        hub.url,
        `{ manual(slug: "cooby-stack") { id viewerCanMaintain } }`,
        {},
        { token: otherMember },
      ),
    ).manual;
    expect(manual.viewerCanMaintain).toBe(false);
    const person = await buildPerson(dataSource);
    const token = await buildApiToken(dataSource, person);
    const steward = await buildApiToken(dataSource, await buildSteward(dataSource));
    const input = { manualId: manual.id, personHandle: person.handle };
    expectErrorCode(await graphql(hub.url, ADD, { input }, { token: maintainer }), "FORBIDDEN");
    const added = expectData(
      await graphql<{
        addManualMaintainer: { manual: { maintainers: Array<{ person: { handle: string } | null }> } };
      }>(hub.url, ADD, { input }, { token: steward }),
    );
    expect(added.addManualMaintainer.manual.maintainers.map((entry) => entry.person?.handle)).toContain(
      person.handle,
    );
    expectErrorCode(await graphql(hub.url, ADD, { input }, { token: steward }), "CONFLICT");
    const page = await readPage("rancher/projects-tenancy");
    const proposal = await propose(member, editOf(page, `${page.markdown}\nNew maintainer merged this.\n`));
    expectData(await graphql(hub.url, MERGE, { input: { proposalId: proposal.id } }, { token }));

    expectData(await graphql(hub.url, REMOVE, { input }, { token: steward }));
    expectErrorCode(await graphql(hub.url, REMOVE, { input }, { token: steward }), "NOT_FOUND");
    const next = await propose(member, editOf(await readPage("rancher/projects-tenancy"), "Again."));
    expectErrorCode(
      await graphql(hub.url, MERGE, { input: { proposalId: next.id } }, { token }),
      "FORBIDDEN",
    );
    expectErrorCode(
      await graphql(
        hub.url,
        ADD,
        { input: { manualId: manual.id, cooperativeSlug: "no-such-coop" } },
        { token: steward },
      ),
      "NOT_FOUND",
    );
  });
});

describe("Backlinks", () => {
  it("lists public forum topics that link to a page, never topics of restricted categories", async () => {
    const steward = await buildApiToken(hub.database.dataSource, await buildSteward(hub.database.dataSource));
    const CATEGORY = `mutation($input: CreateForumCategoryInput!) { createForumCategory(input: $input) { category { id } } }`;
    const TOPIC = `mutation($input: CreateForumTopicInput!) { createForumTopic(input: $input) { topic { id } } }`;
    const category = async (slug: string, readAudience: string) =>
      expectData(
        await graphql<{ createForumCategory: { category: { id: string } } }>(
          hub.url,
          CATEGORY,
          {
            input: { slug, name: slug, readAudience, postAudience: "SIGNED_IN", replyAudience: "SIGNED_IN" },
          },
          { token: steward },
        ),
      ).createForumCategory.category.id;
    const open = await category("manual-questions", "EVERYONE");
    const closed = await category("manual-moderation", "MODERATORS");
    const topic = async (categoryId: string, title: string) =>
      expectData(
        await graphql(
          hub.url,
          TOPIC,
          {
            input: {
              categoryId,
              title,
              markdown:
                "See [the install page](/manuals/cooby-stack/2026.11/rancher/install#h-prerequisites) for details.",
            },
          },
          { token: steward },
        ),
      );
    await topic(open, "Rancher install fails on step three");
    await topic(closed, "Secret moderation discussion about Rancher");
    const backlinks = expectData(
      await graphql<{ manual: { release: { page: { backlinks: Array<{ title: string; path: string }> } } } }>(
        hub.url,
        `{ manual(slug: "cooby-stack") { release { page(path: "rancher/install") { backlinks { title path } } } } }`,
      ),
    ).manual.release.page.backlinks;
    expect(backlinks.map((entry) => entry.title)).toEqual(["Rancher install fails on step three"]);
    expect(backlinks[0]?.path).toMatch(/^\/forum\/t\//);
  });
});

describe("Page feedback", () => {
  it("records one answer per reader and shows totals and comments to maintainers only", async () => {
    const RATE = `mutation($input: RateManualPageInput!) { rateManualPage(input: $input) { feedback { helpful comment } } }`;
    const page = await readPage("rancher/install");
    expectData(
      await graphql(
        hub.url,
        RATE,
        { input: { pageId: page.id, helpful: false, comment: "Unclear" } },
        { token: member },
      ),
    );
    expectData(
      await graphql(hub.url, RATE, { input: { pageId: page.id, helpful: true } }, { token: member }),
    );
    expectData(
      await graphql(
        hub.url,
        RATE,
        { input: { pageId: page.id, helpful: true, comment: "Thanks" } },
        { token: otherMember },
      ),
    );
    const FEEDBACK = `{ manual(slug: "cooby-stack") { release { page(path: "rancher/install") {
      feedbackSummary { helpful notHelpful } feedback { totalCount edges { node { helpful comment } } } viewerFeedback { helpful } } } } }`;
    const seenByMaintainer = expectData(
      await graphql<{ manual: { release: { page: Record<string, unknown> } } }>(
        hub.url,
        FEEDBACK,
        {},
        { token: maintainer },
      ),
    ).manual.release.page;
    expect(seenByMaintainer.feedbackSummary).toEqual({ helpful: 2, notHelpful: 0 });
    expect(seenByMaintainer.feedback).toMatchObject({ totalCount: 2 });
    const seenByMember = expectData(
      await graphql<{ manual: { release: { page: Record<string, unknown> } } }>(
        hub.url,
        FEEDBACK,
        {},
        { token: member },
      ),
    ).manual.release.page;
    expect(seenByMember).toEqual({
      feedbackSummary: null,
      feedback: null,
      viewerFeedback: { helpful: true },
    });
  });
});

describe("Cutting a release", () => {
  const CUT = `mutation($input: CutManualReleaseInput!) { cutManualRelease(input: $input) { release { id name status banner } } }`;
  const STATUS = `mutation($input: SetManualReleaseStatusInput!) { setManualReleaseStatus(input: $input) { release { name status } } }`;

  it("copies the current text into a new release whose links stay inside it, then makes it current", async () => {
    const current = expectData(
      await graphql<{ manual: { release: { id: string } } }>(
        hub.url,
        `{ manual(slug: "cooby-stack") { release { id } } }`,
      ),
    ).manual.release;
    const input = {
      fromReleaseId: current.id,
      name: "2027.05",
      title: "Cooby stack 2027.05 (Kubernetes 1.37)",
    };
    expectErrorCode(await graphql(hub.url, CUT, { input }, { token: member }), "FORBIDDEN");
    const cut = expectData(
      await graphql<{ cutManualRelease: { release: { id: string; status: string; banner: string } } }>(
        hub.url,
        CUT,
        { input },
        { token: maintainer },
      ),
    ).cutManualRelease.release;
    expect(cut.status).toBe("UNRELEASED");
    expect(cut.banner).toContain("not released yet");
    expectErrorCode(await graphql(hub.url, CUT, { input }, { token: maintainer }), "CONFLICT");

    const copied = await readPage("overview/version-matrix", "2027.05");
    expect(copied.html).toContain('href="/manuals/cooby-stack/2027.05/day-2-operations/upgrades"');
    expect(copied.html).not.toContain("/2026.11/");
    expect((await readPage("planning/hardware", "2027.05")).markdown).toContain(
      "Keep one spare disk per node.",
    );

    // Copy-on-cut: editing the new release leaves the old one as it was.
    expectData(
      await graphql(
        hub.url,
        EDIT,
        { input: editOf(copied, "# Version matrix\n\nKubernetes 1.37.\n") },
        { token: maintainer },
      ),
    );
    expect((await readPage("overview/version-matrix", "2026.11")).markdown).not.toContain("Kubernetes 1.37.");

    const steward = await buildApiToken(hub.database.dataSource, await buildSteward(hub.database.dataSource));
    expectData(
      await graphql(hub.url, STATUS, { input: { releaseId: cut.id, status: "CURRENT" } }, { token: steward }),
    );
    const releases = expectData(
      await graphql<{ manual: { releases: Array<{ name: string; status: string; banner: string | null }> } }>(
        hub.url,
        `{ manual(slug: "cooby-stack") { releases { name status banner } } }`,
      ),
    ).manual.releases;
    expect(releases.map((release) => [release.name, release.status])).toEqual([
      ["2027.05", "CURRENT"],
      ["2026.11", "MAINTAINED"],
    ]);
    expect(releases[1]?.banner).toContain("The current release is 2027.05.");
    expectErrorCode(
      await graphql(
        hub.url,
        STATUS,
        { input: { releaseId: cut.id, status: "UNMAINTAINED" } },
        { token: member },
      ),
      "FORBIDDEN",
    );
  });
});
