import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEconomySchema1795300000000 implements MigrationInterface {
  name = 'CreateEconomySchema1795300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE payment_agreement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sag_id uuid NOT NULL REFERENCES sag(id) ON DELETE CASCADE,
        creditor text NOT NULL CONSTRAINT ck_agreement_creditor CHECK (creditor IN ('boligorganisation','kreditor','offentlig')),
        creditor_name text,
        principal numeric(12,2) NOT NULL CONSTRAINT ck_agreement_principal CHECK (principal > 0),
        installment numeric(12,2) NOT NULL CONSTRAINT ck_agreement_installment CHECK (installment > 0),
        start_date date NOT NULL,
        status text NOT NULL DEFAULT 'forhandles' CONSTRAINT ck_agreement_status CHECK (status IN
          ('forhandles','aftalt','overholdes','misligholdt','indfriet','annulleret')),
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_payment_agreement_sag ON payment_agreement (sag_id)`);
    await q.query(`
      CREATE TABLE help_application (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sag_id uuid NOT NULL REFERENCES sag(id) ON DELETE CASCADE,
        type text NOT NULL CONSTRAINT ck_application_type CHECK (type IN ('enkeltydelse','boligstoette','frivillig_administration','andet')),
        authority text NOT NULL,
        amount numeric(12,2),
        status text NOT NULL DEFAULT 'forberedes' CONSTRAINT ck_application_status CHECK (status IN ('forberedes','indsendt','bevilget','afslag','klage')),
        submitted_at timestamptz,
        decided_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_help_application_sag ON help_application (sag_id)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE help_application`);
    await q.query(`DROP TABLE payment_agreement`);
  }
}
