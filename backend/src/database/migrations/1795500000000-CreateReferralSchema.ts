import { MigrationInterface, QueryRunner } from 'typeorm';

/** Visits, follow-up tasks, the partner directory, referrals with the partner portal, handoffs. */
export class CreateReferralSchema1795500000000 implements MigrationInterface {
  name = 'CreateReferralSchema1795500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE partner_organisation
        ADD COLUMN services text[] NOT NULL DEFAULT '{}',
        ADD COLUMN contacts jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN channels text[] NOT NULL DEFAULT '{portal}'
          CONSTRAINT ck_partner_channels CHECK (channels <@ ARRAY['portal','sikker_mail','telefon']),
        ADD COLUMN response_days integer NOT NULL DEFAULT 10
          CONSTRAINT ck_partner_response_days CHECK (response_days BETWEEN 1 AND 90),
        ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await q.query(`
      CREATE TABLE visit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sag_id uuid NOT NULL REFERENCES sag(id) ON DELETE CASCADE,
        client_id uuid,
        status text NOT NULL CONSTRAINT ck_visit_status CHECK (status IN ('planlagt','gennemfoert','ingen_hjemme','aflyst','afvist_ved_doeren')),
        planned_at timestamptz,
        occurred_at timestamptz,
        location_type text NOT NULL CONSTRAINT ck_visit_location CHECK (location_type IN ('hjem','kontor','vaerested','aaben_raadgivning','gaatur','partner')),
        announced boolean NOT NULL,
        participants jsonb NOT NULL DEFAULT '[]',
        purpose text CONSTRAINT ck_visit_purpose CHECK (length(purpose) <= 500),
        summary text CONSTRAINT ck_visit_summary CHECK (length(summary) <= 4000),
        author_id uuid REFERENCES app_user(id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_visit_client UNIQUE (client_id),
        CONSTRAINT ck_visit_planned CHECK (status <> 'planlagt' OR planned_at IS NOT NULL),
        CONSTRAINT ck_visit_held CHECK (status IN ('planlagt','aflyst') OR occurred_at IS NOT NULL)
      )`);
    await q.query(`COMMENT ON COLUMN visit.client_id IS 'Chosen by the device: a draft sent twice creates one visit'`);
    await q.query(`CREATE INDEX ix_visit_sag ON visit (sag_id, coalesce(occurred_at, planned_at) DESC)`);
    await q.query(`CREATE INDEX ix_visit_author_day ON visit (author_id, coalesce(occurred_at, planned_at))`);
    await q.query(`
      CREATE TABLE task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sag_id uuid NOT NULL REFERENCES sag(id) ON DELETE CASCADE,
        title text NOT NULL CONSTRAINT ck_task_title CHECK (length(title) BETWEEN 1 AND 300),
        due_date date NOT NULL,
        assignee_id uuid REFERENCES app_user(id),
        status text NOT NULL DEFAULT 'aaben' CONSTRAINT ck_task_status CHECK (status IN ('aaben','udfoert')),
        source text NOT NULL CONSTRAINT ck_task_source CHECK (source IN ('besoeg','henvisning','medarbejder')),
        source_id uuid,
        done_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_task_assignee_open ON task (assignee_id, due_date) WHERE status = 'aaben'`);
    await q.query(`CREATE INDEX ix_task_sag ON task (sag_id)`);
    await q.query(`CREATE INDEX ix_task_source ON task (source_id, created_at DESC) WHERE source_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE referral (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sag_id uuid NOT NULL REFERENCES sag(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
        partner_organisation_id uuid NOT NULL REFERENCES partner_organisation(id) ON DELETE RESTRICT,
        method text NOT NULL CONSTRAINT ck_referral_method CHECK (method IN ('informeret','formidlet_kontakt','ledsaget','bisidder','formel_henvisning')),
        reason text NOT NULL CONSTRAINT ck_referral_reason CHECK (length(reason) BETWEEN 1 AND 2000),
        purpose text NOT NULL,
        shared_fields text[] NOT NULL DEFAULT '{}',
        notes jsonb NOT NULL DEFAULT '{}',
        shared_categories text[] NOT NULL DEFAULT '{}',
        underretning boolean NOT NULL DEFAULT false,
        underretning_reason text,
        consent_id uuid REFERENCES consent(id),
        status text NOT NULL DEFAULT 'udkast' CONSTRAINT ck_referral_status CHECK (status IN ('udkast','sendt','modtaget','accepteret',
          'afvist','venteliste','forloeb_i_gang','afsluttet','udeblevet','trukket_tilbage')),
        status_reason text,
        outcome text,
        sent_at timestamptz,
        first_meeting_at timestamptz,
        closed_at timestamptz,
        created_by uuid REFERENCES app_user(id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_referral_underretning CHECK (NOT underretning OR underretning_reason IS NOT NULL),
        CONSTRAINT ck_referral_cover CHECK (status = 'udkast' OR underretning OR cardinality(shared_categories) = 0 OR consent_id IS NOT NULL),
        CONSTRAINT ck_referral_sent CHECK (status = 'udkast' OR sent_at IS NOT NULL)
      )`);
    await q.query(
      `COMMENT ON CONSTRAINT ck_referral_cover ON referral IS 'No referral that shares data leaves without a consent (or as a marked underretning)'`,
    );
    await q.query(`CREATE INDEX ix_referral_sag ON referral (sag_id, created_at DESC)`);
    await q.query(`CREATE INDEX ix_referral_partner ON referral (partner_organisation_id, status, sent_at DESC)`);
    await q.query(`CREATE INDEX ix_referral_open ON referral (sent_at) WHERE status IN ('sendt','modtaget')`);
    await q.query(`
      CREATE TABLE referral_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        referral_id uuid NOT NULL REFERENCES referral(id) ON DELETE CASCADE,
        status text NOT NULL,
        side text NOT NULL CONSTRAINT ck_referral_event_side CHECK (side IN ('team','partner')),
        actor_id uuid REFERENCES app_user(id),
        reason text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_referral_event ON referral_event (referral_id, at)`);
    await q.query(`
      CREATE TABLE referral_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        referral_id uuid NOT NULL REFERENCES referral(id) ON DELETE CASCADE,
        side text NOT NULL CONSTRAINT ck_referral_message_side CHECK (side IN ('team','partner')),
        author_id uuid REFERENCES app_user(id),
        text text NOT NULL CONSTRAINT ck_referral_message_text CHECK (length(text) BETWEEN 1 AND 2000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_referral_message ON referral_message (referral_id, created_at)`);
    await q.query(`
      CREATE TABLE handoff (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sag_id uuid NOT NULL REFERENCES sag(id) ON DELETE CASCADE,
        kind text NOT NULL CONSTRAINT ck_handoff_kind CHECK (kind IN ('medarbejder','team')),
        from_user_id uuid NOT NULL REFERENCES app_user(id),
        from_team_id uuid NOT NULL REFERENCES team(id),
        to_user_id uuid NOT NULL REFERENCES app_user(id),
        to_team_id uuid NOT NULL REFERENCES team(id),
        note text NOT NULL CONSTRAINT ck_handoff_note CHECK (length(note) BETWEEN 1 AND 4000),
        by_id uuid REFERENCES app_user(id),
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_handoff_sag ON handoff (sag_id, at DESC)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE handoff`);
    await q.query(`DROP TABLE referral_message`);
    await q.query(`DROP TABLE referral_event`);
    await q.query(`DROP TABLE referral`);
    await q.query(`DROP TABLE task`);
    await q.query(`DROP TABLE visit`);
    await q.query(`ALTER TABLE partner_organisation DROP COLUMN services, DROP COLUMN contacts, DROP COLUMN channels,
      DROP COLUMN response_days, DROP COLUMN version`);
  }
}
