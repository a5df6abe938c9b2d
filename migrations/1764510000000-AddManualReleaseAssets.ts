import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Manual images: each release keeps the list of its image files (served at `/manual-assets/...`), and a cut
 * release remembers the release it was copied from, whose `content/` folder holds those images.
 */
export class AddManualReleaseAssets1764510000000 implements MigrationInterface {
  name = "AddManualReleaseAssets1764510000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "manual_release" ADD "assets" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "manual_release" ADD "cut_from_release_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "manual_release" ADD CONSTRAINT "manual_release_cut_from_fkey" FOREIGN KEY ("cut_from_release_id") REFERENCES "manual_release"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "manual_release" DROP CONSTRAINT "manual_release_cut_from_fkey"`);
    await queryRunner.query(`ALTER TABLE "manual_release" DROP COLUMN "cut_from_release_id"`);
    await queryRunner.query(`ALTER TABLE "manual_release" DROP COLUMN "assets"`);
  }
}
