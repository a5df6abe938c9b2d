import { pageSize } from "../../graphql/connection.js";
import { fromGraphqlEnum, toGraphqlEnum } from "../../graphql/enums.js";
import type { Resolvers } from "../../graphql/generated/resolvers-types.js";
import { fromGlobalId, toGlobalId } from "../../graphql/global-id.js";
import { lineDiff, countChanges, renderDiffHtml } from "../../markdown/index.js";
import { badUserInput } from "../../errors.js";
import { manualResource } from "./maintainer-access.js";
import { ManualEntity } from "./manual.entity.js";
import { ManualChapterEntity } from "./manual-chapter.entity.js";
import { loadRevisionByNumber } from "./manual-lookups.js";
import { ManualMaintainerEntity } from "./manual-maintainer.entity.js";
import { ManualPageEntity } from "./manual-page.entity.js";
import { ManualPageFeedbackEntity } from "./manual-page-feedback.entity.js";
import { ManualPageRevisionEntity } from "./manual-page-revision.entity.js";
import { ManualProposalEntity } from "./manual-proposal.entity.js";
import { listFeedback, listManuals, listProposals, listRevisions } from "./manual-queries.js";
import {
  chapterOf,
  currentRevisionOf,
  defaultRelease,
  manualOf,
  pageByPath,
  releaseOf,
  renderedOf,
} from "./manual-read-models.js";
import { ManualReleaseEntity } from "./manual-release.entity.js";
import { pageBacklinks } from "./page-backlinks.js";
import { pagePath, pageUrl } from "./release-links.js";
import { releaseBanner } from "./release-status.js";

/** Reading manuals: public, like the documentation sites it replaces; feedback only for maintainers. */
export const manualResolvers: Resolvers = {
  Query: {
    manuals: (_parent, { first, after }, context) =>
      listManuals(context.dataSource.manager, pageSize(first), after),
    manual: (_parent, { slug }, context) => context.dataSource.manager.findOneBy(ManualEntity, { slug }),
    manualProposal: (_parent, { id }, context) =>
      context.dataSource.manager.findOneBy(ManualProposalEntity, {
        id: fromGlobalId(id, "ManualChangeProposal", "id"),
      }),
  },
  Manual: {
    id: (manual) => toGlobalId("Manual", manual.id),
    releases: async (manual, _args, context) => {
      const releases = await context.dataSource.manager.find(ManualReleaseEntity, {
        where: { manualId: manual.id },
        order: { name: "DESC" },
      });
      return releases.map((release) => Object.assign(release, { manual }));
    },
    release: async (manual, { name }, context) => {
      const manager = context.dataSource.manager;
      const release = name
        ? await manager.findOneBy(ManualReleaseEntity, { manualId: manual.id, name })
        : await defaultRelease(manager, manual);
      return release ? Object.assign(release, { manual }) : null;
    },
    maintainers: (manual, _args, context) =>
      context.dataSource.manager.find(ManualMaintainerEntity, {
        where: { manualId: manual.id },
        relations: { cooperative: true, person: true },
        order: { createdAt: "ASC" },
      }),
    viewerCanMaintain: async (manual, _args, context) =>
      context.policy.can("manual.maintain", await manualResource(context, manual.id)),
    proposals: (manual, { status, first, after }, context) =>
      listProposals(context.dataSource.manager, manual.id, {
        status: status ? fromGraphqlEnum(status) : undefined,
        first: pageSize(first),
        after,
      }),
  },
  ManualMaintainer: {
    cooperative: (maintainer) => maintainer.cooperative ?? null,
    person: (maintainer) => maintainer.person ?? null,
  },
  ManualRelease: {
    id: (release) => toGlobalId("ManualRelease", release.id),
    status: (release) => toGraphqlEnum(release.status),
    manual: (release, _args, context) => manualOf(context.dataSource.manager, release),
    banner: async (release, _args, context) => {
      if (release.status === "current") return null;
      const current = await context.dataSource.manager.findOneBy(ManualReleaseEntity, {
        manualId: release.manualId,
        status: "current",
      });
      return releaseBanner(release.status, current?.name ?? null);
    },
    url: async (release, _args, context) =>
      `/manuals/${(await manualOf(context.dataSource.manager, release)).slug}/${release.name}`,
    chapters: async (release, _args, context) => {
      const manager = context.dataSource.manager;
      const chapters = await manager.find(ManualChapterEntity, {
        where: { releaseId: release.id, archived: false },
        order: { position: "ASC", slug: "ASC" },
      });
      const pages = await manager.find(ManualPageEntity, {
        where: { releaseId: release.id, archived: false },
        order: { position: "ASC", slug: "ASC" },
      });
      return chapters.map((chapter) =>
        Object.assign(chapter, {
          release,
          pages: pages
            .filter((page) => page.chapterId === chapter.id)
            .sort((a, b) => Number(b.slug === "index") - Number(a.slug === "index"))
            .map((page) => Object.assign(page, { chapter, release })),
        }),
      );
    },
    page: (release, { path }, context) => pageByPath(context.dataSource.manager, release, path),
  },
  ManualChapter: {
    id: (chapter) => toGlobalId("ManualChapter", chapter.id),
    order: (chapter) => chapter.position,
    pages: async (chapter, _args, context) => {
      const attached = (chapter as { pages?: unknown }).pages;
      if (Array.isArray(attached)) return attached;
      const pages = await context.dataSource.manager.find(ManualPageEntity, {
        where: { chapterId: chapter.id, archived: false },
        order: { position: "ASC", slug: "ASC" },
      });
      return pages
        .sort((a, b) => Number(b.slug === "index") - Number(a.slug === "index"))
        .map((page) => Object.assign(page, { chapter }));
    },
  },
  ManualPage: {
    id: (page) => toGlobalId("ManualPage", page.id),
    order: (page) => page.position,
    path: async (page, _args, context) =>
      pagePath((await chapterOf(context.dataSource.manager, page)).slug, page.slug),
    url: async (page, _args, context) => {
      const manager = context.dataSource.manager;
      const release = await releaseOf(manager, page);
      const manual = await manualOf(manager, release);
      return pageUrl(manual.slug, release.name, pagePath((await chapterOf(manager, page)).slug, page.slug));
    },
    chapter: (page, _args, context) => chapterOf(context.dataSource.manager, page),
    release: (page, _args, context) => releaseOf(context.dataSource.manager, page),
    html: async (page, _args, context) => (await renderedOf(context.dataSource.manager, page)).html,
    toc: async (page, _args, context) => (await renderedOf(context.dataSource.manager, page)).toc,
    markdown: async (page, _args, context) =>
      (await currentRevisionOf(context.dataSource.manager, page))?.markdown ?? "",
    currentRevision: (page, _args, context) => currentRevisionOf(context.dataSource.manager, page),
    revisions: (page, { first, after }, context) =>
      listRevisions(context.dataSource.manager, page.id, pageSize(first), after),
    revision: (page, { number }, context) =>
      context.dataSource.manager.findOneBy(ManualPageRevisionEntity, { pageId: page.id, number }),
    diff: async (page, { from, to }, context) => {
      if (from < 1 || to < 1)
        throw badUserInput("Revision numbers start at 1", [
          { field: from < 1 ? "from" : "to", message: "1 or more" },
        ]);
      const manager = context.dataSource.manager;
      const before = await loadRevisionByNumber(manager, page.id, from);
      const after = await loadRevisionByNumber(manager, page.id, to);
      const hunks = lineDiff(before.markdown, after.markdown);
      return { from, to, html: renderDiffHtml(hunks), ...countChanges(hunks) };
    },
    backlinks: async (page, _args, context) => {
      const manager = context.dataSource.manager;
      const release = await releaseOf(manager, page);
      const manual = await manualOf(manager, release);
      const path = pagePath((await chapterOf(manager, page)).slug, page.slug);
      return pageBacklinks(manager, pageUrl(manual.slug, release.name, path));
    },
    openProposals: (page, _args, context) =>
      context.dataSource.manager.find(ManualProposalEntity, {
        where: { pageId: page.id, status: "open" },
        order: { createdAt: "DESC" },
      }),
    viewerFeedback: (page, _args, context) =>
      context.viewer
        ? context.dataSource.manager.findOneBy(ManualPageFeedbackEntity, {
            pageId: page.id,
            personId: context.viewer.person.id,
          })
        : null,
    feedbackSummary: async (page, _args, context) => {
      const manager = context.dataSource.manager;
      const release = await releaseOf(manager, page);
      if (!context.policy.can("manual.readFeedback", await manualResource(context, release.manualId)))
        return null;
      const [row] = (await manager.query(
        "SELECT count(*) FILTER (WHERE helpful)::int AS helpful, count(*) FILTER (WHERE NOT helpful)::int AS not_helpful FROM manual_page_feedback WHERE page_id = $1",
        [page.id],
      )) as Array<{ helpful: number; not_helpful: number }>;
      return { helpful: Number(row?.helpful ?? 0), notHelpful: Number(row?.not_helpful ?? 0) };
    },
    feedback: async (page, { first, after }, context) => {
      const manager = context.dataSource.manager;
      const release = await releaseOf(manager, page);
      if (!context.policy.can("manual.readFeedback", await manualResource(context, release.manualId)))
        return null;
      return listFeedback(manager, page.id, pageSize(first), after);
    },
  },
  ManualPageRevision: {
    id: (revision) => toGlobalId("ManualPageRevision", revision.id),
    source: (revision) => toGraphqlEnum(revision.source),
    author: (revision, _args, context) =>
      revision.authorId ? context.loaders.personById.load(revision.authorId) : null,
  },
  ManualPageFeedback: {
    id: (feedback) => toGlobalId("ManualPageFeedback", feedback.id),
    person: (feedback, _args, context) => context.loaders.personById.load(feedback.personId),
  },
};
