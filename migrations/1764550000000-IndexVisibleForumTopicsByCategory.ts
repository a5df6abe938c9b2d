import type { MigrationInterface, QueryRunner } from "typeorm";

/** Topic counts per category (asked by every forum page) as an index-only scan of the visible topics. */
export class IndexVisibleForumTopicsByCategory1764550000000 implements MigrationInterface {
  name = "IndexVisibleForumTopicsByCategory1764550000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "forum_topic_visible_category_idx" ON "forum_topic"  ("category_id") WHERE hidden = false`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."forum_topic_visible_category_idx"`);
  }
}
