import type { MigrationInterface, QueryRunner } from "typeorm";

// Any write to a release's chapters, pages or revisions bumps the release's generation, in the writer's own
// transaction, whichever hub process (or psql session) makes it: a process-local cache of page reads keyed by it
// is never stale past the release row it was read with.
const BUMP_FUNCTION = `CREATE FUNCTION manual_content_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed record;
BEGIN
  IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
  IF TG_TABLE_NAME = 'manual_page_revision' THEN
    UPDATE manual_release SET content_generation = content_generation + 1
     WHERE id = (SELECT release_id FROM manual_page WHERE id = changed.page_id);
  ELSE
    UPDATE manual_release SET content_generation = content_generation + 1 WHERE id = changed.release_id;
    IF TG_OP = 'UPDATE' AND OLD.release_id <> NEW.release_id THEN
      UPDATE manual_release SET content_generation = content_generation + 1 WHERE id = OLD.release_id;
    END IF;
  END IF;
  RETURN NULL;
END $$`;

// A release saved from a row read earlier must not take its generation back (a cache entry would match again).
const NEVER_BACK_FUNCTION = `CREATE FUNCTION manual_content_generation_never_back() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.content_generation := GREATEST(NEW.content_generation, OLD.content_generation);
  RETURN NEW;
END $$`;

const TABLES = ["manual_chapter", "manual_page", "manual_page_revision"];

/** `manual_release.content_generation` and the triggers that keep it moving. */
export class AddManualContentGeneration1764597000000 implements MigrationInterface {
  name = "AddManualContentGeneration1764597000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "manual_release" ADD "content_generation" bigint NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(BUMP_FUNCTION);
    for (const table of TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_content_generation" AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION manual_content_generation_bump()`,
      );
    }
    await queryRunner.query(NEVER_BACK_FUNCTION);
    await queryRunner.query(
      `CREATE TRIGGER "manual_release_content_generation_never_back" BEFORE UPDATE ON "manual_release" FOR EACH ROW EXECUTE FUNCTION manual_content_generation_never_back()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TRIGGER "manual_release_content_generation_never_back" ON "manual_release"`,
    );
    await queryRunner.query("DROP FUNCTION manual_content_generation_never_back()");
    for (const table of TABLES)
      await queryRunner.query(`DROP TRIGGER "${table}_content_generation" ON "${table}"`);
    await queryRunner.query("DROP FUNCTION manual_content_generation_bump()");
    await queryRunner.query(`ALTER TABLE "manual_release" DROP COLUMN "content_generation"`);
  }
}
