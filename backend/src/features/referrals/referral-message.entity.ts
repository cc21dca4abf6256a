import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';

import { UserEntity } from '../users/user.entity';
import { ReferralEntity } from './referral.entity';

/** Table `referral_message`: A message on a referral, from the team side or the partner side. */
@Entity({ name: 'referral_message' })
@Check('ck_referral_message_side', "(side = ANY (ARRAY['team'::text, 'partner'::text]))")
@Check('ck_referral_message_text', '((length(text) >= 1) AND (length(text) <= 2000))')
/** CREATE INDEX ix_referral_message ON referral_message USING btree (referral_id, created_at) */
@Index('ix_referral_message', ['referralId', 'createdAt'])
export class ReferralMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'referral_id' })
  referralId!: string;

  @Column({ type: 'text' })
  side!: string;

  @Column({ type: 'uuid', name: 'author_id', nullable: true })
  authorId!: string | null;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @ManyToOne(() => UserEntity)
  @JoinColumn({
    name: 'author_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'referral_message_author_id_fkey',
  })
  author?: Relation<UserEntity> | null;

  @ManyToOne(() => ReferralEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'referral_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'referral_message_referral_id_fkey',
  })
  referral?: Relation<ReferralEntity>;
}
