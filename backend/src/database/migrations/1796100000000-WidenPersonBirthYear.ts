import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CPR numbers cover births from 1858 (7th digit 5–8 with year 58–99): a resident born 1891 has a valid
 * CPR, and the old CHECK from 1900 refused them (500 and no way to register them).
 */
export class WidenPersonBirthYear1796100000000 implements MigrationInterface {
  name = 'WidenPersonBirthYear1796100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE person DROP CONSTRAINT ck_person_birth_year`);
    await q.query(`ALTER TABLE person ADD CONSTRAINT ck_person_birth_year CHECK (birth_year BETWEEN 1858 AND 2100)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE person SET birth_year = NULL WHERE birth_year < 1900`);
    await q.query(`ALTER TABLE person DROP CONSTRAINT ck_person_birth_year`);
    await q.query(`ALTER TABLE person ADD CONSTRAINT ck_person_birth_year CHECK (birth_year BETWEEN 1900 AND 2100)`);
  }
}
