import type { MigrationInterface, QueryRunner } from "typeorm";

/** The forum: categories, tags, topics, posts with revisions and likes, notifications, watches, read state,
 * bookmarks, drafts, flags, cooperative decisions with votes and advisory acknowledgements. */
export class CreateForum1764072000000 implements MigrationInterface {
  name = "CreateForum1764072000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "forum_category" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" text NOT NULL, "name" text NOT NULL, "description" text NOT NULL DEFAULT '', "position" integer NOT NULL DEFAULT '0', "read_audience" text NOT NULL DEFAULT 'everyone', "post_audience" text NOT NULL DEFAULT 'signed_in', "reply_audience" text NOT NULL DEFAULT 'signed_in', "allows_accepted_answers" boolean NOT NULL DEFAULT false, "kind" text NOT NULL DEFAULT 'discussion', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "forum_category_slug_key" UNIQUE ("slug"), CONSTRAINT "forum_category_read_audience_check" CHECK (read_audience IN ('everyone', 'signed_in', 'cooperatives', 'tcc_members', 'moderators')), CONSTRAINT "forum_category_post_audience_check" CHECK (post_audience IN ('everyone', 'signed_in', 'cooperatives', 'tcc_members', 'moderators')), CONSTRAINT "forum_category_reply_audience_check" CHECK (reply_audience IN ('everyone', 'signed_in', 'cooperatives', 'tcc_members', 'moderators')), CONSTRAINT "forum_category_kind_check" CHECK (kind IN ('discussion', 'decision', 'advisory')), CONSTRAINT "PK_c2da35d6b1460edf3e241bb16f7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "forum_category_position_idx" ON "forum_category"  ("position", "name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_tag" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "forum_tag_name_key" UNIQUE ("name"), CONSTRAINT "PK_5e66751897301a201d28c9c601c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_topic" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "category_id" uuid NOT NULL, "title" text NOT NULL, "slug" text NOT NULL, "author_id" uuid NOT NULL, "pinned" boolean NOT NULL DEFAULT false, "locked" boolean NOT NULL DEFAULT false, "hidden" boolean NOT NULL DEFAULT false, "accepted_post_id" uuid, "stack_release" text, "highest_post_number" integer NOT NULL DEFAULT '0', "reply_count" integer NOT NULL DEFAULT '0', "like_count" integer NOT NULL DEFAULT '0', "last_posted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_poster_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b5bd8bbfc742fe036e175fff5a6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "forum_topic_latest_idx" ON "forum_topic"  ("pinned", "last_posted_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "forum_topic_category_latest_idx" ON "forum_topic"  ("category_id", "pinned", "last_posted_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "forum_topic_top_idx" ON "forum_topic"  ("like_count", "reply_count", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "forum_topic_author_created_idx" ON "forum_topic"  ("author_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_topic_tag" ("topic_id" uuid NOT NULL, "tag_id" uuid NOT NULL, CONSTRAINT "PK_dd1ff2c0d72730868cf8e3e6170" PRIMARY KEY ("topic_id", "tag_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "forum_topic_tag_tag_idx" ON "forum_topic_tag"  ("tag_id", "topic_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_post" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "topic_id" uuid NOT NULL, "number" integer NOT NULL, "author_id" uuid NOT NULL, "markdown" text NOT NULL, "html" text NOT NULL, "version" integer NOT NULL DEFAULT '1', "hidden" boolean NOT NULL DEFAULT false, "hidden_reason" text, "reply_to_number" integer, "like_count" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "edited_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "forum_post_topic_number_key" UNIQUE ("topic_id", "number"), CONSTRAINT "forum_post_number_check" CHECK (number > 0), CONSTRAINT "PK_35363fad61a4ba1fb0ba562b444" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "forum_post_author_created_idx" ON "forum_post"  ("author_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_post_revision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "post_id" uuid NOT NULL, "version" integer NOT NULL, "markdown" text NOT NULL, "editor_id" uuid NOT NULL, "reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "forum_post_revision_post_version_key" UNIQUE ("post_id", "version"), CONSTRAINT "PK_8b60fab0406d9e40fc8b7b5906f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_post_like" ("post_id" uuid NOT NULL, "person_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_afce64123eba6f7498fc87c7867" PRIMARY KEY ("post_id", "person_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "forum_post_like_person_idx" ON "forum_post_like"  ("person_id") `);
    await queryRunner.query(
      `CREATE TABLE "forum_notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "kind" text NOT NULL, "topic_id" uuid NOT NULL, "post_number" integer NOT NULL, "actor_id" uuid NOT NULL, "consolidation_key" text, "count" integer NOT NULL DEFAULT '1', "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "forum_notification_kind_check" CHECK (kind IN ('mentioned', 'cooperative_mentioned', 'quoted', 'replied', 'posted', 'liked', 'accepted')), CONSTRAINT "PK_de29cf75302e97670c5027f5c3c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "forum_notification_person_idx" ON "forum_notification"  ("person_id", "updated_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "forum_notification_consolidation_idx" ON "forum_notification"  ("person_id", "consolidation_key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_topic_watch" ("topic_id" uuid NOT NULL, "person_id" uuid NOT NULL, "level" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "forum_topic_watch_level_check" CHECK (level IN ('watching', 'tracking', 'watching_first_post', 'muted')), CONSTRAINT "PK_b843e028425445c6f9f26902fa8" PRIMARY KEY ("topic_id", "person_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "forum_topic_watch_person_idx" ON "forum_topic_watch"  ("person_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_topic_read_state" ("topic_id" uuid NOT NULL, "person_id" uuid NOT NULL, "last_read_post_number" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3d3dcd2550aa90f417bb0a6e3d7" PRIMARY KEY ("topic_id", "person_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "forum_topic_read_state_person_idx" ON "forum_topic_read_state"  ("person_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_bookmark" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "post_id" uuid NOT NULL, "note" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "forum_bookmark_person_post_key" UNIQUE ("person_id", "post_id"), CONSTRAINT "PK_dedb493160a1e58b0200d149601" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_draft" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "draft_key" text NOT NULL, "title" text, "markdown" text NOT NULL, "sequence" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "forum_draft_person_key_key" UNIQUE ("person_id", "draft_key"), CONSTRAINT "PK_c38f65be2a86b1213e5d285f461" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_flag" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "post_id" uuid NOT NULL, "flagger_id" uuid NOT NULL, "reason" text NOT NULL, "message" text NOT NULL DEFAULT '', "status" text NOT NULL DEFAULT 'pending', "handled_by_id" uuid, "handled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "forum_flag_post_flagger_key" UNIQUE ("post_id", "flagger_id"), CONSTRAINT "forum_flag_reason_check" CHECK (reason IN ('off_topic', 'inappropriate', 'spam', 'illegal', 'something_else')), CONSTRAINT "forum_flag_status_check" CHECK (status IN ('pending', 'agreed', 'disagreed', 'deferred')), CONSTRAINT "PK_55c0e92011a53236fd05957a564" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "forum_flag_status_created_idx" ON "forum_flag"  ("status", "created_at", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_topic" ADD CONSTRAINT "forum_topic_category_fkey" FOREIGN KEY ("category_id") REFERENCES "forum_category"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_topic" ADD CONSTRAINT "forum_topic_author_fkey" FOREIGN KEY ("author_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_topic" ADD CONSTRAINT "forum_topic_last_poster_fkey" FOREIGN KEY ("last_poster_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_topic_tag" ADD CONSTRAINT "forum_topic_tag_topic_fkey" FOREIGN KEY ("topic_id") REFERENCES "forum_topic"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_topic_tag" ADD CONSTRAINT "forum_topic_tag_tag_fkey" FOREIGN KEY ("tag_id") REFERENCES "forum_tag"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_post" ADD CONSTRAINT "forum_post_topic_fkey" FOREIGN KEY ("topic_id") REFERENCES "forum_topic"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_post" ADD CONSTRAINT "forum_post_author_fkey" FOREIGN KEY ("author_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_post_revision" ADD CONSTRAINT "forum_post_revision_post_fkey" FOREIGN KEY ("post_id") REFERENCES "forum_post"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_post_revision" ADD CONSTRAINT "forum_post_revision_editor_fkey" FOREIGN KEY ("editor_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_post_like" ADD CONSTRAINT "forum_post_like_post_fkey" FOREIGN KEY ("post_id") REFERENCES "forum_post"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_post_like" ADD CONSTRAINT "forum_post_like_person_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_notification" ADD CONSTRAINT "forum_notification_person_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_notification" ADD CONSTRAINT "forum_notification_topic_fkey" FOREIGN KEY ("topic_id") REFERENCES "forum_topic"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_notification" ADD CONSTRAINT "forum_notification_actor_fkey" FOREIGN KEY ("actor_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_topic_watch" ADD CONSTRAINT "forum_topic_watch_topic_fkey" FOREIGN KEY ("topic_id") REFERENCES "forum_topic"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_topic_watch" ADD CONSTRAINT "forum_topic_watch_person_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_topic_read_state" ADD CONSTRAINT "forum_topic_read_state_topic_fkey" FOREIGN KEY ("topic_id") REFERENCES "forum_topic"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_topic_read_state" ADD CONSTRAINT "forum_topic_read_state_person_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_bookmark" ADD CONSTRAINT "forum_bookmark_person_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_bookmark" ADD CONSTRAINT "forum_bookmark_post_fkey" FOREIGN KEY ("post_id") REFERENCES "forum_post"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_draft" ADD CONSTRAINT "forum_draft_person_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_flag" ADD CONSTRAINT "forum_flag_post_fkey" FOREIGN KEY ("post_id") REFERENCES "forum_post"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_flag" ADD CONSTRAINT "forum_flag_flagger_fkey" FOREIGN KEY ("flagger_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_flag" ADD CONSTRAINT "forum_flag_handled_by_fkey" FOREIGN KEY ("handled_by_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_decision" ("topic_id" uuid NOT NULL, "options" text array NOT NULL, "quorum" integer NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "eligible_tiers" text array NOT NULL DEFAULT '{tcc_member}', CONSTRAINT "forum_decision_quorum_check" CHECK (quorum > 0), CONSTRAINT "PK_020bb6931e199782210c326535a" PRIMARY KEY ("topic_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_decision_vote" ("topic_id" uuid NOT NULL, "cooperative_id" uuid NOT NULL, "option_index" integer NOT NULL, "cast_by_id" uuid NOT NULL, "cast_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "forum_decision_vote_option_check" CHECK (option_index >= 0), CONSTRAINT "PK_67ff8c29b1f8a065e9ca358dec2" PRIMARY KEY ("topic_id", "cooperative_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_advisory_ack" ("topic_id" uuid NOT NULL, "cooperative_id" uuid NOT NULL, "acknowledged_by_id" uuid NOT NULL, "acknowledged_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_2c51a5be10258759f887717def3" PRIMARY KEY ("topic_id", "cooperative_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_decision" ADD CONSTRAINT "forum_decision_topic_fkey" FOREIGN KEY ("topic_id") REFERENCES "forum_topic"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_decision_vote" ADD CONSTRAINT "forum_decision_vote_decision_fkey" FOREIGN KEY ("topic_id") REFERENCES "forum_decision"("topic_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_decision_vote" ADD CONSTRAINT "forum_decision_vote_cooperative_fkey" FOREIGN KEY ("cooperative_id") REFERENCES "cooperative"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_decision_vote" ADD CONSTRAINT "forum_decision_vote_cast_by_fkey" FOREIGN KEY ("cast_by_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_advisory_ack" ADD CONSTRAINT "forum_advisory_ack_topic_fkey" FOREIGN KEY ("topic_id") REFERENCES "forum_topic"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_advisory_ack" ADD CONSTRAINT "forum_advisory_ack_cooperative_fkey" FOREIGN KEY ("cooperative_id") REFERENCES "cooperative"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_advisory_ack" ADD CONSTRAINT "forum_advisory_ack_acknowledged_by_fkey" FOREIGN KEY ("acknowledged_by_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "forum_advisory_ack" DROP CONSTRAINT "forum_advisory_ack_acknowledged_by_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_advisory_ack" DROP CONSTRAINT "forum_advisory_ack_cooperative_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_advisory_ack" DROP CONSTRAINT "forum_advisory_ack_topic_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_decision_vote" DROP CONSTRAINT "forum_decision_vote_cast_by_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_decision_vote" DROP CONSTRAINT "forum_decision_vote_cooperative_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_decision_vote" DROP CONSTRAINT "forum_decision_vote_decision_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "forum_decision" DROP CONSTRAINT "forum_decision_topic_fkey"`);
    await queryRunner.query(`DROP TABLE "forum_advisory_ack"`);
    await queryRunner.query(`DROP TABLE "forum_decision_vote"`);
    await queryRunner.query(`DROP TABLE "forum_decision"`);
    await queryRunner.query(`ALTER TABLE "forum_flag" DROP CONSTRAINT "forum_flag_handled_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "forum_flag" DROP CONSTRAINT "forum_flag_flagger_fkey"`);
    await queryRunner.query(`ALTER TABLE "forum_flag" DROP CONSTRAINT "forum_flag_post_fkey"`);
    await queryRunner.query(`ALTER TABLE "forum_draft" DROP CONSTRAINT "forum_draft_person_fkey"`);
    await queryRunner.query(`ALTER TABLE "forum_bookmark" DROP CONSTRAINT "forum_bookmark_post_fkey"`);
    await queryRunner.query(`ALTER TABLE "forum_bookmark" DROP CONSTRAINT "forum_bookmark_person_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "forum_topic_read_state" DROP CONSTRAINT "forum_topic_read_state_person_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_topic_read_state" DROP CONSTRAINT "forum_topic_read_state_topic_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_topic_watch" DROP CONSTRAINT "forum_topic_watch_person_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "forum_topic_watch" DROP CONSTRAINT "forum_topic_watch_topic_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "forum_notification" DROP CONSTRAINT "forum_notification_actor_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_notification" DROP CONSTRAINT "forum_notification_topic_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_notification" DROP CONSTRAINT "forum_notification_person_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "forum_post_like" DROP CONSTRAINT "forum_post_like_person_fkey"`);
    await queryRunner.query(`ALTER TABLE "forum_post_like" DROP CONSTRAINT "forum_post_like_post_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "forum_post_revision" DROP CONSTRAINT "forum_post_revision_editor_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_post_revision" DROP CONSTRAINT "forum_post_revision_post_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "forum_post" DROP CONSTRAINT "forum_post_author_fkey"`);
    await queryRunner.query(`ALTER TABLE "forum_post" DROP CONSTRAINT "forum_post_topic_fkey"`);
    await queryRunner.query(`ALTER TABLE "forum_topic_tag" DROP CONSTRAINT "forum_topic_tag_tag_fkey"`);
    await queryRunner.query(`ALTER TABLE "forum_topic_tag" DROP CONSTRAINT "forum_topic_tag_topic_fkey"`);
    await queryRunner.query(`ALTER TABLE "forum_topic" DROP CONSTRAINT "forum_topic_last_poster_fkey"`);
    await queryRunner.query(`ALTER TABLE "forum_topic" DROP CONSTRAINT "forum_topic_author_fkey"`);
    await queryRunner.query(`ALTER TABLE "forum_topic" DROP CONSTRAINT "forum_topic_category_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."forum_flag_status_created_idx"`);
    await queryRunner.query(`DROP TABLE "forum_flag"`);
    await queryRunner.query(`DROP TABLE "forum_draft"`);
    await queryRunner.query(`DROP TABLE "forum_bookmark"`);
    await queryRunner.query(`DROP INDEX "public"."forum_topic_read_state_person_idx"`);
    await queryRunner.query(`DROP TABLE "forum_topic_read_state"`);
    await queryRunner.query(`DROP INDEX "public"."forum_topic_watch_person_idx"`);
    await queryRunner.query(`DROP TABLE "forum_topic_watch"`);
    await queryRunner.query(`DROP INDEX "public"."forum_notification_consolidation_idx"`);
    await queryRunner.query(`DROP INDEX "public"."forum_notification_person_idx"`);
    await queryRunner.query(`DROP TABLE "forum_notification"`);
    await queryRunner.query(`DROP INDEX "public"."forum_post_like_person_idx"`);
    await queryRunner.query(`DROP TABLE "forum_post_like"`);
    await queryRunner.query(`DROP TABLE "forum_post_revision"`);
    await queryRunner.query(`DROP INDEX "public"."forum_post_author_created_idx"`);
    await queryRunner.query(`DROP TABLE "forum_post"`);
    await queryRunner.query(`DROP INDEX "public"."forum_topic_tag_tag_idx"`);
    await queryRunner.query(`DROP TABLE "forum_topic_tag"`);
    await queryRunner.query(`DROP INDEX "public"."forum_topic_author_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."forum_topic_top_idx"`);
    await queryRunner.query(`DROP INDEX "public"."forum_topic_category_latest_idx"`);
    await queryRunner.query(`DROP INDEX "public"."forum_topic_latest_idx"`);
    await queryRunner.query(`DROP TABLE "forum_topic"`);
    await queryRunner.query(`DROP TABLE "forum_tag"`);
    await queryRunner.query(`DROP INDEX "public"."forum_category_position_idx"`);
    await queryRunner.query(`DROP TABLE "forum_category"`);
  }
}
