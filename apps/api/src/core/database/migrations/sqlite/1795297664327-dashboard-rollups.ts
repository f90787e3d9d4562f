import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DashboardRollups1795297664327 implements MigrationInterface {
  name = 'DashboardRollups1795297664327';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "rollup_batch_state" ("batch_id" integer PRIMARY KEY NOT NULL, "status" varchar(16) NOT NULL, "generation" integer NOT NULL, "refreshed_at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE TABLE "rollup_enterprise_sum" ("industry_node_id" integer NOT NULL, "region_id" integer NOT NULL, "period_year" smallint NOT NULL, "period_month" smallint NOT NULL, "indicator_id" integer NOT NULL, "value_month" decimal(15,4), "value_ytd" decimal(15,4), "enterprises" integer NOT NULL, "enterprises_month" integer NOT NULL, "enterprises_ytd" integer NOT NULL, PRIMARY KEY ("industry_node_id", "region_id", "period_year", "period_month", "indicator_id"))`);
    await queryRunner.query(`CREATE INDEX "idx_rollup_enterprise_sum_period" ON "rollup_enterprise_sum" ("period_year", "period_month") `);
    await queryRunner.query(`CREATE TABLE "rollup_industry_closure" ("descendant_id" integer NOT NULL, "ancestor_id" integer NOT NULL, "depth" smallint NOT NULL, PRIMARY KEY ("descendant_id", "ancestor_id"))`);
    await queryRunner.query(`CREATE TABLE "rollup_region_closure" ("descendant_id" integer NOT NULL, "ancestor_id" integer NOT NULL, "depth" smallint NOT NULL, PRIMARY KEY ("descendant_id", "ancestor_id"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rollup_region_closure"`);
    await queryRunner.query(`DROP TABLE "rollup_industry_closure"`);
    await queryRunner.query(`DROP INDEX "idx_rollup_enterprise_sum_period"`);
    await queryRunner.query(`DROP TABLE "rollup_enterprise_sum"`);
    await queryRunner.query(`DROP TABLE "rollup_batch_state"`);
  }
}
