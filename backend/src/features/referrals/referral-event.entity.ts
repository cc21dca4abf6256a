import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';

import { UserEntity } from '../users/user.entity';
import { ReferralEntity } from './referral.entity';

/** Table `referral_event`: A status change of a referral, by either side. */
@Entity({ name: 'referral_event' })
@Check('ck_referral_event_side', "(side = ANY (ARRAY['team'::text, 'partner'::text]))")
/** CREATE INDEX ix_referral_event ON referral_event USING btree (referral_id, at) */
@Index('ix_referral_event', ['referralId', 'at'])
export class ReferralEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'referral_id' })
  referralId!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'text' })
  side!: string;

  @Column({ type: 'uuid', name: 'actor_id', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @ManyToOne(() => UserEntity)
  @JoinColumn({
    name: 'actor_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'referral_event_actor_id_fkey',
  })
  actor?: Relation<UserEntity> | null;

  @ManyToOne(() => ReferralEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'referral_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'referral_event_referral_id_fkey',
  })
  referral?: Relation<ReferralEntity>;
}
