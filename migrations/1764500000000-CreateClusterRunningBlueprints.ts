import type { MigrationInterface, QueryRunner } from "typeorm";

/** "Running on N member clusters": the blueprint versions each cluster's agent last reported. */
export class CreateClusterRunningBlueprints1764500000000 implements MigrationInterface {
  name = "CreateClusterRunningBlueprints1764500000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cluster_running_blueprint" ("cluster_id" uuid NOT NULL, "name" text NOT NULL, "version" text NOT NULL, CONSTRAINT "PK_42cc884fae7b2199cc5a5831cc8" PRIMARY KEY ("cluster_id", "name", "version"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "cluster_running_blueprint_name_idx" ON "cluster_running_blueprint" ("name", "version")`,
    );
    await queryRunner.query(
      `ALTER TABLE "cluster_running_blueprint" ADD CONSTRAINT "cluster_running_blueprint_cluster_fkey" FOREIGN KEY ("cluster_id") REFERENCES "member_cluster"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "cluster_running_blueprint" DROP CONSTRAINT "cluster_running_blueprint_cluster_fkey"`,
    );
    await queryRunner.query(`DROP INDEX "public"."cluster_running_blueprint_name_idx"`);
    await queryRunner.query(`DROP TABLE "cluster_running_blueprint"`);
  }
}
