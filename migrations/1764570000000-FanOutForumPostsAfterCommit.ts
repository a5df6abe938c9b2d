import type { MigrationInterface, QueryRunner } from "typeorm";

/** "Fan-out due" rows: watchers of a post are notified by a job just after the post commits (issue 5 posting). */
export class FanOutForumPostsAfterCommit1764570000000 implements MigrationInterface {
  name = "FanOutForumPostsAfterCommit1764570000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "forum_post_fanout" ("id" BIGSERIAL NOT NULL, "post_id" uuid NOT NULL, "direct_ids" uuid array NOT NULL DEFAULT '{}', "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "forum_post_fanout_status_check" CHECK (status IN ('pending', 'failed')), CONSTRAINT "PK_5ebe111058b2bd4b2ebe9f5ad7f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "forum_post_fanout_due_idx" ON "forum_post_fanout"  ("status", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_post_fanout" ADD CONSTRAINT "forum_post_fanout_post_fkey" FOREIGN KEY ("post_id") REFERENCES "forum_post"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "forum_post_fanout" DROP CONSTRAINT "forum_post_fanout_post_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."forum_post_fanout_due_idx"`);
    await queryRunner.query(`DROP TABLE "forum_post_fanout"`);
  }
}
