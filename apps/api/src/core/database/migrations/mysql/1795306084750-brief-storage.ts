import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BriefStorage1795306084750 implements MigrationInterface {
  name = 'BriefStorage1795306084750';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`brief\` (\`id\` int NOT NULL AUTO_INCREMENT, \`kind\` varchar(16) NOT NULL, \`year\` smallint NOT NULL, \`month\` smallint NOT NULL, \`scope\` varchar(64) NOT NULL, \`version\` int NOT NULL, \`generated_at\` datetime NOT NULL, \`generation_trigger\` varchar(16) NOT NULL, \`generated_by\` int NULL, \`generated_by_name\` varchar(64) NULL, \`template_version\` int NOT NULL, \`template_hash\` varchar(64) NOT NULL, \`content_hash\` varchar(64) NOT NULL, \`title\` varchar(200) NOT NULL, \`content_gz\` text NOT NULL, INDEX \`idx_brief_period\` (\`year\`, \`month\`), UNIQUE INDEX \`uq_brief_version\` (\`kind\`, \`year\`, \`month\`, \`scope\`, \`version\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`brief_template\` (\`id\` int NOT NULL AUTO_INCREMENT, \`template_key\` varchar(64) NOT NULL, \`revision\` int NOT NULL, \`text\` varchar(1000) NOT NULL, \`updated_by\` varchar(64) NULL, \`updated_at\` datetime NOT NULL, UNIQUE INDEX \`uq_brief_template_revision\` (\`template_key\`, \`revision\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`uq_brief_template_revision\` ON \`brief_template\``);
    await queryRunner.query(`DROP TABLE \`brief_template\``);
    await queryRunner.query(`DROP INDEX \`uq_brief_version\` ON \`brief\``);
    await queryRunner.query(`DROP INDEX \`idx_brief_period\` ON \`brief\``);
    await queryRunner.query(`DROP TABLE \`brief\``);
  }
}
