import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The failover job's eviction count (failover decisions of the last minute, on every run of every hub process) as
 * a range scan of the failover decisions only, instead of a scan of every decision ever stored.
 */
export class IndexFailoverDecisions1764625000000 implements MigrationInterface {
  name = "IndexFailoverDecisions1764625000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "placement_decision_failover_idx" ON "placement_decision"  ("decided_at") WHERE trigger = 'failover'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."placement_decision_failover_idx"`);
  }
}
