import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** Table `case_type`: The case types a case can have: built-in and admin-defined, with Danish and English labels. */
@Entity({ name: 'case_type' })
@Check('ck_case_type_code', "(code ~ '^[a-z][a-z0-9_]{1,39}$'::text)")
export class CaseTypeEntity {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text', name: 'label_da' })
  labelDa!: string;

  @Column({ type: 'text', name: 'label_en' })
  labelEn!: string;

  @Column({ type: 'boolean', name: 'is_builtin', default: false })
  isBuiltin!: boolean;

  @Column({ type: 'boolean', name: 'is_active', default: true })
  isActive!: boolean;
}
