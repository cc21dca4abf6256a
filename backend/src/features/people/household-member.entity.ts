import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';

import { HouseholdEntity } from './household.entity';
import { PersonEntity } from './person.entity';

/** Table `household_member`: The persons in a household and their relation. */
@Entity({ name: 'household_member' })
@Check(
  'ck_household_member_relation',
  "(relation = ANY (ARRAY['lejer'::text, 'medlejer'::text, 'barn'::text, 'andet'::text]))",
)
/** CREATE INDEX ix_household_member_person ON household_member USING btree (person_id) */
@Index('ix_household_member_person', ['personId'])
export class HouseholdMemberEntity {
  @PrimaryColumn({ type: 'uuid', name: 'household_id' })
  householdId!: string;

  @PrimaryColumn({ type: 'uuid', name: 'person_id' })
  personId!: string;

  @Column({ type: 'text' })
  relation!: string;

  @ManyToOne(() => HouseholdEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'household_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'household_member_household_id_fkey',
  })
  household?: Relation<HouseholdEntity>;

  @ManyToOne(() => PersonEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'person_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'household_member_person_id_fkey',
  })
  person?: Relation<PersonEntity>;
}
