import type { EntityManager } from "typeorm";
import { type Connection, decodeCursor, toConnection } from "../../graphql/connection.js";
import { type Manual, ManualEntity } from "./manual.entity.js";
import { type ManualPageFeedback, ManualPageFeedbackEntity } from "./manual-page-feedback.entity.js";
import { type ManualPageRevision, ManualPageRevisionEntity } from "./manual-page-revision.entity.js";
import { type ManualProposal, ManualProposalEntity, type ProposalStatus } from "./manual-proposal.entity.js";

type Counted<T> = Connection<T> & { totalCount: number };

/** Every manual by title, keyset (title, id). */
export async function listManuals(
  manager: EntityManager,
  first: number,
  after?: string | null,
): Promise<Counted<Manual>> {
  const builder = manager.createQueryBuilder(ManualEntity, "manual");
  const totalCount = await builder.clone().getCount();
  if (after) {
    const [title, id] = decodeCursor(after, 2);
    builder.where("(manual.title, manual.id) > (:title, :id)", { title, id });
  }
  const rows = await builder
    .orderBy("manual.title", "ASC")
    .addOrderBy("manual.id", "ASC")
    .take(first + 1)
    .getMany();
  return { ...toConnection(rows, first, (row) => [row.title, row.id], Boolean(after)), totalCount };
}

/** A page's revisions, newest first, keyset on the revision number. */
export async function listRevisions(
  manager: EntityManager,
  pageId: string,
  first: number,
  after?: string | null,
): Promise<Counted<ManualPageRevision>> {
  const builder = manager
    .createQueryBuilder(ManualPageRevisionEntity, "revision")
    .where("revision.page_id = :pageId", { pageId });
  const totalCount = await builder.clone().getCount();
  if (after) {
    const [number] = decodeCursor(after, 1);
    builder.andWhere("revision.number < :number", { number: Number(number) });
  }
  const rows = await builder
    .orderBy("revision.number", "DESC")
    .take(first + 1)
    .getMany();
  return { ...toConnection(rows, first, (row) => [row.number], Boolean(after)), totalCount };
}

/** Proposals of a manual (all its releases), newest first, keyset (createdAt, id). */
export async function listProposals(
  manager: EntityManager,
  manualId: string,
  query: { status?: ProposalStatus; first: number; after?: string | null },
): Promise<Counted<ManualProposal>> {
  const builder = manager
    .createQueryBuilder(ManualProposalEntity, "proposal")
    .innerJoin("manual_release", "release", "release.id = proposal.release_id")
    .where("release.manual_id = :manualId", { manualId });
  if (query.status) builder.andWhere("proposal.status = :status", { status: query.status });
  const totalCount = await builder.clone().getCount();
  if (query.after) {
    const [createdAt, id] = decodeCursor(query.after, 2);
    builder.andWhere("(proposal.created_at, proposal.id) < (:createdAt, :id)", { createdAt, id });
  }
  const rows = await builder
    .orderBy("proposal.created_at", "DESC")
    .addOrderBy("proposal.id", "DESC")
    .take(query.first + 1)
    .getMany();
  return {
    ...toConnection(rows, query.first, (row) => [row.createdAt.toISOString(), row.id], Boolean(query.after)),
    totalCount,
  };
}

/** Feedback on a page, newest first, keyset (createdAt, id). */
export async function listFeedback(
  manager: EntityManager,
  pageId: string,
  first: number,
  after?: string | null,
): Promise<Counted<ManualPageFeedback>> {
  const builder = manager
    .createQueryBuilder(ManualPageFeedbackEntity, "feedback")
    .where("feedback.page_id = :pageId", { pageId });
  const totalCount = await builder.clone().getCount();
  if (after) {
    const [createdAt, id] = decodeCursor(after, 2);
    builder.andWhere("(feedback.created_at, feedback.id) < (:createdAt, :id)", { createdAt, id });
  }
  const rows = await builder
    .orderBy("feedback.created_at", "DESC")
    .addOrderBy("feedback.id", "DESC")
    .take(first + 1)
    .getMany();
  return {
    ...toConnection(rows, first, (row) => [row.createdAt.toISOString(), row.id], Boolean(after)),
    totalCount,
  };
}
