import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';

import { UserEntity } from '../users/user.entity';

/** Table `report_definition`: Append-only: a changed definition is a new version. */
@Entity({ name: 'report_definition', comment: 'Append-only: a changed definition is a new version' })
@Check('ck_report_definition_key', "(key = 'undgaaet_udsaettelse'::text)")
@Check('ck_report_definition_version', '(version >= 1)')
export class ReportDefinitionEntity {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'jsonb' })
  rule!: Record<string, unknown>;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @ManyToOne(() => UserEntity)
  @JoinColumn({
    name: 'created_by',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'report_definition_created_by_fkey',
  })
  createdByUser?: Relation<UserEntity> | null;
}
