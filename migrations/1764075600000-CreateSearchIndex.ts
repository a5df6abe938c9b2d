import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Search: the PostgreSQL index (one row per document), the word list for typo correction, the log of queries that
 * found nothing, and the outbox feeding an external engine (Meilisearch).
 */
export class CreateSearchIndex1764075600000 implements MigrationInterface {
  name = "CreateSearchIndex1764075600000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "search_document" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "doc_type" text NOT NULL, "doc_id" text NOT NULL, "title" text NOT NULL, "headings" text NOT NULL DEFAULT '', "body" text NOT NULL, "url" text NOT NULL, "cooperative_id" text, "cooperative_slug" text, "category_slug" text, "tags" text array NOT NULL DEFAULT '{}', "author_handle" text, "release" text, "status" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "visibility_public" boolean NOT NULL, "visibility_cooperative_ids" text array NOT NULL DEFAULT '{}', "visibility_role" text, "visibility_signed_in" boolean NOT NULL DEFAULT false, "search_vector" tsvector NOT NULL, CONSTRAINT "search_document_ref_key" UNIQUE ("doc_type", "doc_id"), CONSTRAINT "PK_search_document" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "search_document_created_idx" ON "search_document" ("created_at")`);
    await queryRunner.query(
      `CREATE INDEX "search_document_vector_idx" ON "search_document" USING GIN ("search_vector")`,
    );
    await queryRunner.query(
      `CREATE INDEX "search_document_tags_idx" ON "search_document" USING GIN ("tags")`,
    );
    await queryRunner.query(
      `CREATE TABLE "search_term" ("term" text NOT NULL, CONSTRAINT "PK_search_term" PRIMARY KEY ("term"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "search_term_trigram_idx" ON "search_term" USING GIN ("term" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE TABLE "search_miss" ("query" text NOT NULL, "count" integer NOT NULL, "last_searched_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_search_miss" PRIMARY KEY ("query"))`,
    );
    await queryRunner.query(`CREATE INDEX "search_miss_count_idx" ON "search_miss" ("count", "query")`);
    await queryRunner.query(
      `CREATE TABLE "search_outbox" ("id" BIGSERIAL NOT NULL, "operation" text NOT NULL, "payload" jsonb NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "search_outbox_operation_check" CHECK (operation IN ('index', 'remove')), CONSTRAINT "PK_search_outbox" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "search_outbox_due_idx" ON "search_outbox" ("next_attempt_at", "id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."search_outbox_due_idx"`);
    await queryRunner.query(`DROP TABLE "search_outbox"`);
    await queryRunner.query(`DROP INDEX "public"."search_miss_count_idx"`);
    await queryRunner.query(`DROP TABLE "search_miss"`);
    await queryRunner.query(`DROP INDEX "public"."search_term_trigram_idx"`);
    await queryRunner.query(`DROP TABLE "search_term"`);
    await queryRunner.query(`DROP INDEX "public"."search_document_tags_idx"`);
    await queryRunner.query(`DROP INDEX "public"."search_document_vector_idx"`);
    await queryRunner.query(`DROP INDEX "public"."search_document_created_idx"`);
    await queryRunner.query(`DROP TABLE "search_document"`);
  }
}
