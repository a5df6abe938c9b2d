import type { MigrationInterface, QueryRunner } from "typeorm";

/** Stack manuals: manuals, maintainers, releases, chapters, pages with revisions, change proposals, feedback. */
export class CreateManuals1764064800000 implements MigrationInterface {
  name = "CreateManuals1764064800000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "manual" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" text NOT NULL, "title" text NOT NULL, "summary" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "manual_slug_key" UNIQUE ("slug"), CONSTRAINT "PK_87506a0bbf2d251329694badce1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "manual_maintainer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "manual_id" uuid NOT NULL, "cooperative_id" uuid, "person_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "manual_maintainer_cooperative_key" UNIQUE ("manual_id", "cooperative_id"), CONSTRAINT "manual_maintainer_person_key" UNIQUE ("manual_id", "person_id"), CONSTRAINT "manual_maintainer_holder_check" CHECK ((cooperative_id IS NULL) <> (person_id IS NULL)), CONSTRAINT "PK_e831ffa80550dbdacc15ede5142" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "manual_release" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "manual_id" uuid NOT NULL, "name" text NOT NULL, "title" text NOT NULL, "status" text NOT NULL DEFAULT 'unreleased', "versions" jsonb NOT NULL DEFAULT '[]', "origin" text NOT NULL DEFAULT 'content', "synced_hash" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "manual_release_manual_name_key" UNIQUE ("manual_id", "name"), CONSTRAINT "manual_release_status_check" CHECK (status IN ('unreleased', 'current', 'maintained', 'unmaintained')), CONSTRAINT "manual_release_origin_check" CHECK (origin IN ('content', 'cut')), CONSTRAINT "PK_6b39549ffad002ee1a7e622ee57" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "manual_release_one_current_idx" ON "manual_release"  ("manual_id") WHERE status = 'current'`,
    );
    await queryRunner.query(
      `CREATE TABLE "manual_chapter" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "release_id" uuid NOT NULL, "slug" text NOT NULL, "directory" text NOT NULL, "title" text NOT NULL, "summary" text NOT NULL DEFAULT '', "position" integer NOT NULL DEFAULT '0', "archived" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "manual_chapter_release_slug_key" UNIQUE ("release_id", "slug"), CONSTRAINT "PK_724ab2b4821023f2337dd2b1e67" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "manual_page" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "release_id" uuid NOT NULL, "chapter_id" uuid NOT NULL, "slug" text NOT NULL, "title" text NOT NULL, "summary" text NOT NULL DEFAULT '', "position" integer NOT NULL DEFAULT '0', "current_revision_id" uuid, "origin" text NOT NULL DEFAULT 'content', "synced_hash" text, "archived" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "manual_page_chapter_slug_key" UNIQUE ("chapter_id", "slug"), CONSTRAINT "manual_page_origin_check" CHECK (origin IN ('content', 'web')), CONSTRAINT "PK_b88aebdbb9bb9f3a4e9cd7d53ee" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "manual_page_release_idx" ON "manual_page"  ("release_id") `);
    await queryRunner.query(
      `CREATE TABLE "manual_page_revision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "page_id" uuid NOT NULL, "number" integer NOT NULL, "title" text NOT NULL, "summary" text NOT NULL DEFAULT '', "markdown" text NOT NULL, "html" text NOT NULL, "toc" jsonb NOT NULL DEFAULT '[]', "author_id" uuid, "message" text NOT NULL DEFAULT '', "source" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "manual_page_revision_page_number_key" UNIQUE ("page_id", "number"), CONSTRAINT "manual_page_revision_source_check" CHECK (source IN ('sync', 'edit', 'proposal', 'restore', 'cut')), CONSTRAINT "PK_993ccb1bac8e7740d651a493072" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "manual_proposal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "release_id" uuid NOT NULL, "chapter_id" uuid NOT NULL, "page_id" uuid, "slug" text, "base_revision_id" uuid, "title" text NOT NULL, "summary" text NOT NULL DEFAULT '', "markdown" text NOT NULL, "preview_html" text NOT NULL, "broken_links" text array NOT NULL DEFAULT '{}', "message" text NOT NULL DEFAULT '', "author_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'open', "decided_by_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "merged_revision_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "manual_proposal_status_check" CHECK (status IN ('open', 'merged', 'declined')), CONSTRAINT "manual_proposal_target_check" CHECK ((page_id IS NOT NULL) OR (slug IS NOT NULL)), CONSTRAINT "PK_08b25a45c6099d9bb30a0ef3806" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "manual_proposal_release_status_idx" ON "manual_proposal"  ("release_id", "status", "created_at") `,
    );
    await queryRunner.query(`CREATE INDEX "manual_proposal_page_idx" ON "manual_proposal"  ("page_id") `);
    await queryRunner.query(
      `CREATE TABLE "manual_proposal_comment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "proposal_id" uuid NOT NULL, "author_id" uuid NOT NULL, "body" text NOT NULL, "html" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_144dd3b8a195f602880cb06c84a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "manual_proposal_comment_proposal_idx" ON "manual_proposal_comment"  ("proposal_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "manual_page_feedback" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "page_id" uuid NOT NULL, "person_id" uuid NOT NULL, "helpful" boolean NOT NULL, "comment" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "manual_page_feedback_page_person_key" UNIQUE ("page_id", "person_id"), CONSTRAINT "PK_7c696a73331648bf7fbd8506b82" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "manual_page_feedback_page_idx" ON "manual_page_feedback"  ("page_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_maintainer" ADD CONSTRAINT "manual_maintainer_manual_fkey" FOREIGN KEY ("manual_id") REFERENCES "manual"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_maintainer" ADD CONSTRAINT "manual_maintainer_cooperative_fkey" FOREIGN KEY ("cooperative_id") REFERENCES "cooperative"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_maintainer" ADD CONSTRAINT "manual_maintainer_person_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_release" ADD CONSTRAINT "manual_release_manual_fkey" FOREIGN KEY ("manual_id") REFERENCES "manual"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_chapter" ADD CONSTRAINT "manual_chapter_release_fkey" FOREIGN KEY ("release_id") REFERENCES "manual_release"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_page" ADD CONSTRAINT "manual_page_release_fkey" FOREIGN KEY ("release_id") REFERENCES "manual_release"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_page" ADD CONSTRAINT "manual_page_chapter_fkey" FOREIGN KEY ("chapter_id") REFERENCES "manual_chapter"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_page" ADD CONSTRAINT "manual_page_current_revision_fkey" FOREIGN KEY ("current_revision_id") REFERENCES "manual_page_revision"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_page_revision" ADD CONSTRAINT "manual_page_revision_page_fkey" FOREIGN KEY ("page_id") REFERENCES "manual_page"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_page_revision" ADD CONSTRAINT "manual_page_revision_author_fkey" FOREIGN KEY ("author_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_proposal" ADD CONSTRAINT "manual_proposal_release_fkey" FOREIGN KEY ("release_id") REFERENCES "manual_release"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_proposal" ADD CONSTRAINT "manual_proposal_chapter_fkey" FOREIGN KEY ("chapter_id") REFERENCES "manual_chapter"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_proposal" ADD CONSTRAINT "manual_proposal_page_fkey" FOREIGN KEY ("page_id") REFERENCES "manual_page"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_proposal" ADD CONSTRAINT "manual_proposal_base_revision_fkey" FOREIGN KEY ("base_revision_id") REFERENCES "manual_page_revision"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_proposal" ADD CONSTRAINT "manual_proposal_merged_revision_fkey" FOREIGN KEY ("merged_revision_id") REFERENCES "manual_page_revision"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_proposal" ADD CONSTRAINT "manual_proposal_author_fkey" FOREIGN KEY ("author_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_proposal" ADD CONSTRAINT "manual_proposal_decided_by_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_proposal_comment" ADD CONSTRAINT "manual_proposal_comment_proposal_fkey" FOREIGN KEY ("proposal_id") REFERENCES "manual_proposal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_proposal_comment" ADD CONSTRAINT "manual_proposal_comment_author_fkey" FOREIGN KEY ("author_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_page_feedback" ADD CONSTRAINT "manual_page_feedback_page_fkey" FOREIGN KEY ("page_id") REFERENCES "manual_page"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_page_feedback" ADD CONSTRAINT "manual_page_feedback_person_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "manual_page_feedback" DROP CONSTRAINT "manual_page_feedback_person_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_page_feedback" DROP CONSTRAINT "manual_page_feedback_page_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_proposal_comment" DROP CONSTRAINT "manual_proposal_comment_author_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_proposal_comment" DROP CONSTRAINT "manual_proposal_comment_proposal_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_proposal" DROP CONSTRAINT "manual_proposal_decided_by_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "manual_proposal" DROP CONSTRAINT "manual_proposal_author_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "manual_proposal" DROP CONSTRAINT "manual_proposal_merged_revision_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_proposal" DROP CONSTRAINT "manual_proposal_base_revision_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "manual_proposal" DROP CONSTRAINT "manual_proposal_page_fkey"`);
    await queryRunner.query(`ALTER TABLE "manual_proposal" DROP CONSTRAINT "manual_proposal_chapter_fkey"`);
    await queryRunner.query(`ALTER TABLE "manual_proposal" DROP CONSTRAINT "manual_proposal_release_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "manual_page_revision" DROP CONSTRAINT "manual_page_revision_author_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_page_revision" DROP CONSTRAINT "manual_page_revision_page_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "manual_page" DROP CONSTRAINT "manual_page_current_revision_fkey"`);
    await queryRunner.query(`ALTER TABLE "manual_page" DROP CONSTRAINT "manual_page_chapter_fkey"`);
    await queryRunner.query(`ALTER TABLE "manual_page" DROP CONSTRAINT "manual_page_release_fkey"`);
    await queryRunner.query(`ALTER TABLE "manual_chapter" DROP CONSTRAINT "manual_chapter_release_fkey"`);
    await queryRunner.query(`ALTER TABLE "manual_release" DROP CONSTRAINT "manual_release_manual_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "manual_maintainer" DROP CONSTRAINT "manual_maintainer_person_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_maintainer" DROP CONSTRAINT "manual_maintainer_cooperative_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "manual_maintainer" DROP CONSTRAINT "manual_maintainer_manual_fkey"`,
    );
    await queryRunner.query(`DROP INDEX "public"."manual_page_feedback_page_idx"`);
    await queryRunner.query(`DROP TABLE "manual_page_feedback"`);
    await queryRunner.query(`DROP INDEX "public"."manual_proposal_comment_proposal_idx"`);
    await queryRunner.query(`DROP TABLE "manual_proposal_comment"`);
    await queryRunner.query(`DROP INDEX "public"."manual_proposal_page_idx"`);
    await queryRunner.query(`DROP INDEX "public"."manual_proposal_release_status_idx"`);
    await queryRunner.query(`DROP TABLE "manual_proposal"`);
    await queryRunner.query(`DROP TABLE "manual_page_revision"`);
    await queryRunner.query(`DROP INDEX "public"."manual_page_release_idx"`);
    await queryRunner.query(`DROP TABLE "manual_page"`);
    await queryRunner.query(`DROP TABLE "manual_chapter"`);
    await queryRunner.query(`DROP INDEX "public"."manual_release_one_current_idx"`);
    await queryRunner.query(`DROP TABLE "manual_release"`);
    await queryRunner.query(`DROP TABLE "manual_maintainer"`);
    await queryRunner.query(`DROP TABLE "manual"`);
  }
}
