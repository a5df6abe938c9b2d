import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Search at 100,000 documents (bench/README.md, "Search"): the lexeme list that turns prefix terms into exact GIN
 * lookups (filled from the documents already indexed), an index for operator-only searches listed newest first,
 * no GIN pending list on the text index (a search otherwise scans every not-yet-merged entry), and finer
 * statistics on the vector so the planner estimates common words well and keeps the bitmap scans.
 */
export class SpeedUpSearch1764520000000 implements MigrationInterface {
  name = "SpeedUpSearch1764520000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "search_lexeme" ("lexeme" text COLLATE "C" NOT NULL, CONSTRAINT "PK_search_lexeme" PRIMARY KEY ("lexeme"))`,
    );
    await queryRunner.query(
      `INSERT INTO "search_lexeme" ("lexeme") SELECT DISTINCT unnest(tsvector_to_array("search_vector")) FROM "search_document"`,
    );
    await queryRunner.query(`CREATE INDEX "search_document_updated_idx" ON "search_document" ("updated_at")`);
    await queryRunner.query(`ALTER INDEX "search_document_vector_idx" SET (fastupdate = off)`);
    await queryRunner.query(`ALTER TABLE "search_document" ALTER COLUMN "search_vector" SET STATISTICS 1000`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "search_document" ALTER COLUMN "search_vector" SET STATISTICS -1`);
    await queryRunner.query(`ALTER INDEX "search_document_vector_idx" RESET (fastupdate)`);
    await queryRunner.query(`DROP INDEX "public"."search_document_updated_idx"`);
    await queryRunner.query(`DROP TABLE "search_lexeme"`);
  }
}
