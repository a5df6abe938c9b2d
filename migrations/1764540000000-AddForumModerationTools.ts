import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Forum moderation tools: penalties (silence, suspension), per-topic moderation settings (slow mode, merge
 * pointer), small-action notes, release stamps and answer confirmations, and answers proposed for the manuals.
 */
export class AddForumModerationTools1764540000000 implements MigrationInterface {
  name = "AddForumModerationTools1764540000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "forum_penalty" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "kind" text NOT NULL, "reason" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_days" integer NOT NULL, "prior_count" integer NOT NULL DEFAULT '0', "overridden" boolean NOT NULL DEFAULT false, "imposed_by_id" uuid NOT NULL, "lifted_at" TIMESTAMP WITH TIME ZONE, "lifted_by_id" uuid, "lift_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "forum_penalty_kind_check" CHECK (kind IN ('silence', 'suspension')), CONSTRAINT "forum_penalty_duration_check" CHECK (duration_days > 0), CONSTRAINT "PK_502164e1aa1e68f78a05b11052a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "forum_penalty_person_kind_idx" ON "forum_penalty"  ("person_id", "kind", "ends_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_topic_moderation" ("topic_id" uuid NOT NULL, "slow_mode_seconds" integer NOT NULL DEFAULT '0', "merged_into_id" uuid, "updated_by_id" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "forum_topic_moderation_slow_mode_check" CHECK (slow_mode_seconds >= 0 AND slow_mode_seconds <= 86400), CONSTRAINT "PK_c4c59fc1f890a8fc3fe2c4edb87" PRIMARY KEY ("topic_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_small_action" ("post_id" uuid NOT NULL, "kind" text NOT NULL, "other_topic_id" uuid, "post_count" integer NOT NULL DEFAULT '0', CONSTRAINT "forum_small_action_kind_check" CHECK (kind IN ('split_to', 'split_from', 'merged_into', 'merged_from')), CONSTRAINT "PK_c909a64b91863c4670a844e0810" PRIMARY KEY ("post_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_topic_release" ("topic_id" uuid NOT NULL, "release_id" uuid NOT NULL, "stamped_by_id" uuid NOT NULL, "stamped_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_6b37d3f9c1f2e4cd87226d0e22c" PRIMARY KEY ("topic_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "forum_topic_release_release_idx" ON "forum_topic_release"  ("release_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_answer_confirmation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "post_id" uuid NOT NULL, "release_id" uuid NOT NULL, "confirmed_by_id" uuid NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "forum_answer_confirmation_post_release_key" UNIQUE ("post_id", "release_id"), CONSTRAINT "PK_8a305f0be57b8f43d63de0765be" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_answer_proposal" ("proposal_id" uuid NOT NULL, "post_id" uuid NOT NULL, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cee4f968b8e6627e615e22f5fc6" PRIMARY KEY ("proposal_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "forum_answer_proposal_post_idx" ON "forum_answer_proposal"  ("post_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_penalty" ADD CONSTRAINT "forum_penalty_person_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_penalty" ADD CONSTRAINT "forum_penalty_imposed_by_fkey" FOREIGN KEY ("imposed_by_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_penalty" ADD CONSTRAINT "forum_penalty_lifted_by_fkey" FOREIGN KEY ("lifted_by_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_topic_moderation" ADD CONSTRAINT "forum_topic_moderation_topic_fkey" FOREIGN KEY ("topic_id") REFERENCES "forum_topic"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_topic_moderation" ADD CONSTRAINT "forum_topic_moderation_merged_into_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "forum_topic"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_topic_moderation" ADD CONSTRAINT "forum_topic_moderation_updated_by_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_small_action" ADD CONSTRAINT "forum_small_action_post_fkey" FOREIGN KEY ("post_id") REFERENCES "forum_post"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_small_action" ADD CONSTRAINT "forum_small_action_other_topic_fkey" FOREIGN KEY ("other_topic_id") REFERENCES "forum_topic"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_topic_release" ADD CONSTRAINT "forum_topic_release_topic_fkey" FOREIGN KEY ("topic_id") REFERENCES "forum_topic"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_topic_release" ADD CONSTRAINT "forum_topic_release_release_fkey" FOREIGN KEY ("release_id") REFERENCES "manual_release"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_topic_release" ADD CONSTRAINT "forum_topic_release_stamped_by_fkey" FOREIGN KEY ("stamped_by_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_answer_confirmation" ADD CONSTRAINT "forum_answer_confirmation_post_fkey" FOREIGN KEY ("post_id") REFERENCES "forum_post"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_answer_confirmation" ADD CONSTRAINT "forum_answer_confirmation_release_fkey" FOREIGN KEY ("release_id") REFERENCES "manual_release"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_answer_confirmation" ADD CONSTRAINT "forum_answer_confirmation_confirmed_by_fkey" FOREIGN KEY ("confirmed_by_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_answer_proposal" ADD CONSTRAINT "forum_answer_proposal_proposal_fkey" FOREIGN KEY ("proposal_id") REFERENCES "manual_proposal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_answer_proposal" ADD CONSTRAINT "forum_answer_proposal_post_fkey" FOREIGN KEY ("post_id") REFERENCES "forum_post"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_answer_proposal" ADD CONSTRAINT "forum_answer_proposal_created_by_fkey" FOREIGN KEY ("created_by_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "forum_answer_proposal" DROP CONSTRAINT "forum_answer_proposal_created_by_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_answer_proposal" DROP CONSTRAINT "forum_answer_proposal_post_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_answer_proposal" DROP CONSTRAINT "forum_answer_proposal_proposal_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_answer_confirmation" DROP CONSTRAINT "forum_answer_confirmation_confirmed_by_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_answer_confirmation" DROP CONSTRAINT "forum_answer_confirmation_release_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_answer_confirmation" DROP CONSTRAINT "forum_answer_confirmation_post_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_topic_release" DROP CONSTRAINT "forum_topic_release_stamped_by_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_topic_release" DROP CONSTRAINT "forum_topic_release_release_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_topic_release" DROP CONSTRAINT "forum_topic_release_topic_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_small_action" DROP CONSTRAINT "forum_small_action_other_topic_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_small_action" DROP CONSTRAINT "forum_small_action_post_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_topic_moderation" DROP CONSTRAINT "forum_topic_moderation_updated_by_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_topic_moderation" DROP CONSTRAINT "forum_topic_moderation_merged_into_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_topic_moderation" DROP CONSTRAINT "forum_topic_moderation_topic_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "forum_penalty" DROP CONSTRAINT "forum_penalty_lifted_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "forum_penalty" DROP CONSTRAINT "forum_penalty_imposed_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "forum_penalty" DROP CONSTRAINT "forum_penalty_person_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."forum_answer_proposal_post_idx"`);
    await queryRunner.query(`DROP TABLE "forum_answer_proposal"`);
    await queryRunner.query(`DROP TABLE "forum_answer_confirmation"`);
    await queryRunner.query(`DROP INDEX "public"."forum_topic_release_release_idx"`);
    await queryRunner.query(`DROP TABLE "forum_topic_release"`);
    await queryRunner.query(`DROP TABLE "forum_small_action"`);
    await queryRunner.query(`DROP TABLE "forum_topic_moderation"`);
    await queryRunner.query(`DROP INDEX "public"."forum_penalty_person_kind_idx"`);
    await queryRunner.query(`DROP TABLE "forum_penalty"`);
  }
}
