import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NotesProblems1795306197182 implements MigrationInterface {
  name = 'NotesProblems1795306197182';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`monthly_note\` (\`id\` int NOT NULL AUTO_INCREMENT, \`industry_node_id\` int NOT NULL, \`period_year\` smallint NOT NULL, \`period_month\` smallint NOT NULL, \`unit\` varchar(200) NOT NULL, \`current_version\` int NOT NULL, \`updated_at\` datetime NOT NULL, \`is_demo\` tinyint NOT NULL DEFAULT 0, INDEX \`idx_monthly_note_period\` (\`period_year\`, \`period_month\`), UNIQUE INDEX \`uq_monthly_note_subject\` (\`industry_node_id\`, \`period_year\`, \`period_month\`, \`unit\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`monthly_note_version\` (\`id\` int NOT NULL AUTO_INCREMENT, \`note_id\` int NOT NULL, \`version\` int NOT NULL, \`progress\` text NOT NULL, \`problems\` text NOT NULL, \`suggestions\` text NOT NULL, \`created_by_user_id\` int NULL, \`created_by_name\` varchar(100) NOT NULL, \`created_at\` datetime NOT NULL, UNIQUE INDEX \`uq_monthly_note_version\` (\`note_id\`, \`version\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`problem\` (\`id\` int NOT NULL AUTO_INCREMENT, \`industry_node_id\` int NOT NULL, \`period_year\` smallint NOT NULL, \`period_month\` smallint NOT NULL, \`title\` varchar(200) NOT NULL, \`description\` text NOT NULL, \`owner_unit\` varchar(200) NOT NULL, \`raised_by_unit\` varchar(200) NOT NULL, \`due_date\` varchar(10) NOT NULL, \`status\` varchar(16) NOT NULL, \`closing_note\` text NULL, \`closed_at\` datetime NULL, \`note_id\` int NULL, \`created_by_user_id\` int NULL, \`created_by_name\` varchar(100) NOT NULL, \`created_at\` datetime NOT NULL, \`updated_at\` datetime NOT NULL, \`is_demo\` tinyint NOT NULL DEFAULT 0, INDEX \`idx_problem_status_due\` (\`status\`, \`due_date\`), INDEX \`idx_problem_industry\` (\`industry_node_id\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`problem_event\` (\`id\` int NOT NULL AUTO_INCREMENT, \`problem_id\` int NOT NULL, \`kind\` varchar(16) NOT NULL, \`from_status\` varchar(16) NULL, \`to_status\` varchar(16) NULL, \`note\` text NULL, \`changes\` text NULL, \`user_id\` int NULL, \`user_name\` varchar(100) NOT NULL, \`at\` datetime NOT NULL, INDEX \`idx_problem_event_problem\` (\`problem_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`monthly_note\` ADD CONSTRAINT \`FK_9a7d7f514f64673cfcbc0218d84\` FOREIGN KEY (\`industry_node_id\`) REFERENCES \`industry_node\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`monthly_note_version\` ADD CONSTRAINT \`FK_1403237126d45ca9bd0179c463d\` FOREIGN KEY (\`note_id\`) REFERENCES \`monthly_note\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`problem\` ADD CONSTRAINT \`FK_70299bd3bec50915a6ab9f7ae61\` FOREIGN KEY (\`industry_node_id\`) REFERENCES \`industry_node\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`problem\` ADD CONSTRAINT \`FK_52671a646366d505e96d7484790\` FOREIGN KEY (\`note_id\`) REFERENCES \`monthly_note\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`problem_event\` ADD CONSTRAINT \`FK_e7631314651648b265d565f03b2\` FOREIGN KEY (\`problem_id\`) REFERENCES \`problem\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`problem_event\` DROP FOREIGN KEY \`FK_e7631314651648b265d565f03b2\``);
    await queryRunner.query(`ALTER TABLE \`problem\` DROP FOREIGN KEY \`FK_52671a646366d505e96d7484790\``);
    await queryRunner.query(`ALTER TABLE \`problem\` DROP FOREIGN KEY \`FK_70299bd3bec50915a6ab9f7ae61\``);
    await queryRunner.query(`ALTER TABLE \`monthly_note_version\` DROP FOREIGN KEY \`FK_1403237126d45ca9bd0179c463d\``);
    await queryRunner.query(`ALTER TABLE \`monthly_note\` DROP FOREIGN KEY \`FK_9a7d7f514f64673cfcbc0218d84\``);
    await queryRunner.query(`DROP INDEX \`idx_problem_event_problem\` ON \`problem_event\``);
    await queryRunner.query(`DROP TABLE \`problem_event\``);
    await queryRunner.query(`DROP INDEX \`idx_problem_industry\` ON \`problem\``);
    await queryRunner.query(`DROP INDEX \`idx_problem_status_due\` ON \`problem\``);
    await queryRunner.query(`DROP TABLE \`problem\``);
    await queryRunner.query(`DROP INDEX \`uq_monthly_note_version\` ON \`monthly_note_version\``);
    await queryRunner.query(`DROP TABLE \`monthly_note_version\``);
    await queryRunner.query(`DROP INDEX \`uq_monthly_note_subject\` ON \`monthly_note\``);
    await queryRunner.query(`DROP INDEX \`idx_monthly_note_period\` ON \`monthly_note\``);
    await queryRunner.query(`DROP TABLE \`monthly_note\``);
  }
}
