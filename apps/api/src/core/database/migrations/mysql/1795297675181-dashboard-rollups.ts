import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DashboardRollups1795297675181 implements MigrationInterface {
  name = 'DashboardRollups1795297675181';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`rollup_batch_state\` (\`batch_id\` int NOT NULL, \`status\` varchar(16) NOT NULL, \`generation\` int NOT NULL, \`refreshed_at\` datetime NOT NULL, PRIMARY KEY (\`batch_id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`rollup_enterprise_sum\` (\`industry_node_id\` int NOT NULL, \`region_id\` int NOT NULL, \`period_year\` smallint NOT NULL, \`period_month\` smallint NOT NULL, \`indicator_id\` int NOT NULL, \`value_month\` decimal(15,4) NULL, \`value_ytd\` decimal(15,4) NULL, \`enterprises\` int NOT NULL, \`enterprises_month\` int NOT NULL, \`enterprises_ytd\` int NOT NULL, INDEX \`idx_rollup_enterprise_sum_period\` (\`period_year\`, \`period_month\`), PRIMARY KEY (\`industry_node_id\`, \`region_id\`, \`period_year\`, \`period_month\`, \`indicator_id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`rollup_industry_closure\` (\`descendant_id\` int NOT NULL, \`ancestor_id\` int NOT NULL, \`depth\` smallint NOT NULL, PRIMARY KEY (\`descendant_id\`, \`ancestor_id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`rollup_region_closure\` (\`descendant_id\` int NOT NULL, \`ancestor_id\` int NOT NULL, \`depth\` smallint NOT NULL, PRIMARY KEY (\`descendant_id\`, \`ancestor_id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`rollup_region_closure\``);
    await queryRunner.query(`DROP TABLE \`rollup_industry_closure\``);
    await queryRunner.query(`DROP INDEX \`idx_rollup_enterprise_sum_period\` ON \`rollup_enterprise_sum\``);
    await queryRunner.query(`DROP TABLE \`rollup_enterprise_sum\``);
    await queryRunner.query(`DROP TABLE \`rollup_batch_state\``);
  }
}
