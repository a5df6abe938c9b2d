import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Forum watching per category and tag (with per-category defaults), email preferences, the mail outbox (written in
 * the post's transaction, delivered with retries) and the key signing one-click unsubscribe links.
 */
export class CreateForumWatchingAndMail1764530000000 implements MigrationInterface {
  name = "CreateForumWatchingAndMail1764530000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`-- up`);
    await queryRunner.query(
      `CREATE TABLE "forum_category_watch" ("category_id" uuid NOT NULL, "person_id" uuid NOT NULL, "level" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "forum_category_watch_level_check" CHECK (level IN ('watching', 'tracking', 'watching_first_post', 'muted')), CONSTRAINT "PK_fae6f4fe2ee15cc1e284c838357" PRIMARY KEY ("category_id", "person_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "forum_category_watch_person_idx" ON "forum_category_watch"  ("person_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_tag_watch" ("tag_id" uuid NOT NULL, "person_id" uuid NOT NULL, "level" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "forum_tag_watch_level_check" CHECK (level IN ('watching', 'tracking', 'watching_first_post', 'muted')), CONSTRAINT "PK_de0df0d5e21b484b6be306d2fd9" PRIMARY KEY ("tag_id", "person_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "forum_tag_watch_person_idx" ON "forum_tag_watch"  ("person_id") `);
    await queryRunner.query(
      `CREATE TABLE "forum_category_watch_default" ("category_id" uuid NOT NULL, "level" text NOT NULL, "updated_by_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "forum_category_watch_default_level_check" CHECK (level IN ('watching', 'tracking', 'watching_first_post', 'muted')), CONSTRAINT "PK_63f5b75852df5b0b3484f12f2c9" PRIMARY KEY ("category_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_mail_preference" ("person_id" uuid NOT NULL, "email_mentions" boolean NOT NULL DEFAULT true, "email_replies" boolean NOT NULL DEFAULT true, "email_digest" boolean NOT NULL DEFAULT true, "digest_frequency" text NOT NULL DEFAULT 'weekly', "digest_sent_through" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "forum_mail_preference_frequency_check" CHECK (digest_frequency IN ('daily', 'weekly')), CONSTRAINT "PK_f79133a79888b1807c610a0488b" PRIMARY KEY ("person_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_mail_outbox" ("id" BIGSERIAL NOT NULL, "person_id" uuid NOT NULL, "kind" text NOT NULL, "topic_id" uuid, "post_id" uuid, "actor_id" uuid, "digest_from" TIMESTAMP WITH TIME ZONE, "digest_to" TIMESTAMP WITH TIME ZONE, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_error" text, "transport" text, "subject" text, "message" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "forum_mail_outbox_kind_check" CHECK (kind IN ('mention', 'reply', 'digest')), CONSTRAINT "forum_mail_outbox_status_check" CHECK (status IN ('pending', 'sent', 'skipped', 'failed')), CONSTRAINT "PK_84977ec6731d10ddc37b06a2027" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "forum_mail_outbox_due_idx" ON "forum_mail_outbox"  ("status", "next_attempt_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "forum_mail_outbox_person_idx" ON "forum_mail_outbox"  ("person_id", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_mail_key" ("id" integer NOT NULL, "secret" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "forum_mail_key_single_check" CHECK (id = 1), CONSTRAINT "PK_e27f76a984d8dd7ae54b3884fcb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_category_watch" ADD CONSTRAINT "forum_category_watch_category_fkey" FOREIGN KEY ("category_id") REFERENCES "forum_category"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_category_watch" ADD CONSTRAINT "forum_category_watch_person_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_tag_watch" ADD CONSTRAINT "forum_tag_watch_tag_fkey" FOREIGN KEY ("tag_id") REFERENCES "forum_tag"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_tag_watch" ADD CONSTRAINT "forum_tag_watch_person_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_category_watch_default" ADD CONSTRAINT "forum_category_watch_default_category_fkey" FOREIGN KEY ("category_id") REFERENCES "forum_category"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_category_watch_default" ADD CONSTRAINT "forum_category_watch_default_person_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_mail_preference" ADD CONSTRAINT "forum_mail_preference_person_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_mail_outbox" ADD CONSTRAINT "forum_mail_outbox_person_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_mail_outbox" ADD CONSTRAINT "forum_mail_outbox_topic_fkey" FOREIGN KEY ("topic_id") REFERENCES "forum_topic"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_mail_outbox" ADD CONSTRAINT "forum_mail_outbox_post_fkey" FOREIGN KEY ("post_id") REFERENCES "forum_post"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "forum_mail_outbox" DROP CONSTRAINT "forum_mail_outbox_post_fkey"`);
    await queryRunner.query(`ALTER TABLE "forum_mail_outbox" DROP CONSTRAINT "forum_mail_outbox_topic_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "forum_mail_outbox" DROP CONSTRAINT "forum_mail_outbox_person_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_mail_preference" DROP CONSTRAINT "forum_mail_preference_person_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_category_watch_default" DROP CONSTRAINT "forum_category_watch_default_person_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_category_watch_default" DROP CONSTRAINT "forum_category_watch_default_category_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "forum_tag_watch" DROP CONSTRAINT "forum_tag_watch_person_fkey"`);
    await queryRunner.query(`ALTER TABLE "forum_tag_watch" DROP CONSTRAINT "forum_tag_watch_tag_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "forum_category_watch" DROP CONSTRAINT "forum_category_watch_person_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_category_watch" DROP CONSTRAINT "forum_category_watch_category_fkey"`,
    );
    await queryRunner.query(`DROP TABLE "forum_mail_key"`);
    await queryRunner.query(`DROP INDEX "public"."forum_mail_outbox_person_idx"`);
    await queryRunner.query(`DROP INDEX "public"."forum_mail_outbox_due_idx"`);
    await queryRunner.query(`DROP TABLE "forum_mail_outbox"`);
    await queryRunner.query(`DROP TABLE "forum_mail_preference"`);
    await queryRunner.query(`DROP TABLE "forum_category_watch_default"`);
    await queryRunner.query(`DROP INDEX "public"."forum_tag_watch_person_idx"`);
    await queryRunner.query(`DROP TABLE "forum_tag_watch"`);
    await queryRunner.query(`DROP INDEX "public"."forum_category_watch_person_idx"`);
    await queryRunner.query(`DROP TABLE "forum_category_watch"`);
  }
}
