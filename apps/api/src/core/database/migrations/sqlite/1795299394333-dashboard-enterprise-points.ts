import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DashboardEnterprisePoints1795299394333 implements MigrationInterface {
  name = 'DashboardEnterprisePoints1795299394333';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "rollup_enterprise_point" ("period_year" smallint NOT NULL, "period_month" smallint NOT NULL, "series_id" integer NOT NULL, "industry_node_id" integer NOT NULL, "region_id" integer NOT NULL, "indicator_id" integer NOT NULL, "enterprise_id" integer NOT NULL, "value_ytd" decimal(15,4), PRIMARY KEY ("period_year", "period_month", "series_id"))`);
    await queryRunner.query(`CREATE INDEX "idx_rollup_enterprise_point_rank" ON "rollup_enterprise_point" ("period_year", "period_month", "industry_node_id", "value_ytd") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_rollup_enterprise_point_rank"`);
    await queryRunner.query(`DROP TABLE "rollup_enterprise_point"`);
  }
}
