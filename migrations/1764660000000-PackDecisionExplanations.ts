import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Decision explanations become bytes (`server/modules/placement/model/explanation-codec.ts`): at 20,000 clusters
 * the jsonb form was 3.6 MB per decision, parsed and compressed by PostgreSQL inside the reservation transaction.
 * Existing rows keep their JSON as UTF-8 text, which the codec still reads (it starts with `[`). STORAGE EXTERNAL:
 * out of line but not compressed, since pglz gains little on packed bytes and costs time on every insert.
 */
export class PackDecisionExplanations1764660000000 implements MigrationInterface {
  name = "PackDecisionExplanations1764660000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "placement_decision" ALTER COLUMN "explanation" TYPE bytea USING convert_to("explanation"::text, 'UTF8')`,
    );
    await queryRunner.query(
      `ALTER TABLE "placement_decision" ALTER COLUMN "explanation" SET STORAGE EXTERNAL`,
    );
  }

  /**
   * Back to jsonb. Legacy rows (JSON text, first byte `[` = 0x5b) convert back exactly. Packed rows cannot be
   * decoded in SQL: they become `'[]'` (the decision, its outcome, counts and weights stay; the per-cluster lines
   * are lost). Run `explanation-codec.ts` over the rows first to keep them.
   */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "placement_decision" ALTER COLUMN "explanation" SET STORAGE EXTENDED`,
    );
    await queryRunner.query(
      `ALTER TABLE "placement_decision" ALTER COLUMN "explanation" TYPE jsonb USING CASE WHEN get_byte("explanation", 0) = 91 THEN convert_from("explanation", 'UTF8')::jsonb ELSE '[]'::jsonb END`,
    );
  }
}
