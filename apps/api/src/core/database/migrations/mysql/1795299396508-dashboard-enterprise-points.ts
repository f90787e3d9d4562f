import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DashboardEnterprisePoints1795299396508 implements MigrationInterface {
  name = 'DashboardEnterprisePoints1795299396508';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`rollup_enterprise_point\` (\`period_year\` smallint NOT NULL, \`period_month\` smallint NOT NULL, \`series_id\` int NOT NULL, \`industry_node_id\` int NOT NULL, \`region_id\` int NOT NULL, \`indicator_id\` int NOT NULL, \`enterprise_id\` int NOT NULL, \`value_ytd\` decimal(15,4) NULL, INDEX \`idx_rollup_enterprise_point_rank\` (\`period_year\`, \`period_month\`, \`industry_node_id\`, \`value_ytd\`), PRIMARY KEY (\`period_year\`, \`period_month\`, \`series_id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`idx_rollup_enterprise_point_rank\` ON \`rollup_enterprise_point\``);
    await queryRunner.query(`DROP TABLE \`rollup_enterprise_point\``);
  }
}
