import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';

import { SagEntity } from '../cases/sag.entity';
import { UserEntity } from '../users/user.entity';
import { EvictionCaseEntity } from './eviction-case.entity';

/** Table `eviction_case_sag`: The cases linked to an eviction case. */
@Entity({ name: 'eviction_case_sag' })
/** CREATE INDEX ix_eviction_case_sag_sag ON eviction_case_sag USING btree (sag_id) */
@Index('ix_eviction_case_sag_sag', ['sagId'])
export class EvictionCaseSagEntity {
  @PrimaryColumn({ type: 'uuid', name: 'eviction_case_id' })
  evictionCaseId!: string;

  @PrimaryColumn({ type: 'uuid', name: 'sag_id' })
  sagId!: string;

  @Column({ type: 'uuid', name: 'linked_by', nullable: true })
  linkedBy!: string | null;

  @Column({ type: 'timestamptz', name: 'linked_at', default: () => 'now()' })
  linkedAt!: Date;

  @ManyToOne(() => EvictionCaseEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'eviction_case_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'eviction_case_sag_eviction_case_id_fkey',
  })
  evictionCase?: Relation<EvictionCaseEntity>;

  @ManyToOne(() => UserEntity)
  @JoinColumn({
    name: 'linked_by',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'eviction_case_sag_linked_by_fkey',
  })
  linkedByUser?: Relation<UserEntity> | null;

  @ManyToOne(() => SagEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sag_id', referencedColumnName: 'id', foreignKeyConstraintName: 'eviction_case_sag_sag_id_fkey' })
  sag?: Relation<SagEntity>;
}
