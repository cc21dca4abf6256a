import { HttpErrorResponse, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Observable } from 'rxjs';

import {
  ALL_ROLES,
  type BoligorganisationSummary,
  type CreatedUser,
  type ActivationLink,
  type PartnerOrganisationSummary,
  Role,
  type TeamSummary,
  type UserSummary,
} from '@bofast/contracts';

import { applyServerErrors } from '../../core/http/server-errors';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { ActivationLinkPanel } from './activation-link-panel';
import { UsersStore } from './users-store';

export interface UserDialogData {
  user?: UserSummary;
}

/** Closes with `true` when the list should be reloaded. */
@Component({
  selector: 'bf-user-dialog',
  imports: [FORM_FIELD_IMPORTS, ActivationLinkPanel, MatButtonModule, MatDialogModule, MatSelectModule, TranslocoPipe],
  templateUrl: './user-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserDialog {
  private readonly store = inject(UsersStore);
  private readonly dialogRef = inject<MatDialogRef<UserDialog, boolean>>(MatDialogRef);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly user = inject<UserDialogData>(MAT_DIALOG_DATA).user ?? null;

  protected readonly isEdit = this.user !== null;
  protected readonly roles = ALL_ROLES;
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  /** After creating: the new user's one-time activation link, shown once. */
  protected readonly created = signal<{ name: string; link: ActivationLink } | null>(null);
  protected readonly teams = httpResource<TeamSummary[]>(() => '/api/teams', {
    defaultValue: [],
  });
  protected readonly partners = httpResource<PartnerOrganisationSummary[]>(() => '/api/organisations/partners', {
    defaultValue: [],
  });
  protected readonly activeTeams = computed(() =>
    this.teams.value().filter((t) => t.isActive || this.user?.teams.some((ut) => ut.id === t.id)),
  );

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: [this.user?.username ?? '', this.isEdit ? [] : [Validators.required]],
    displayName: [this.user?.displayName ?? '', Validators.required],
    email: [this.user?.email ?? '', Validators.email],
    role: [(this.user?.role ?? '') as Role | '', Validators.required],
    teamIds: [this.user?.teams.map((t) => t.id) ?? []],
    partnerOrganisationId: [this.user?.partnerOrganisation?.id ?? ''],
    boligorganisationId: [this.user?.boligorganisation?.id ?? ''],
  });

  protected readonly selectedRole = toSignal(this.form.controls.role.valueChanges, {
    initialValue: this.form.controls.role.value,
  });
  protected readonly needsPartner = computed(() => this.selectedRole() === Role.KommunalPartner);
  protected readonly needsBoligorganisation = computed(() => this.selectedRole() === Role.Boligorganisation);
  /** Fetched only once the boligorganisation role is chosen. */
  protected readonly boligorganisationer = httpResource<BoligorganisationSummary[]>(
    () => (this.needsBoligorganisation() ? '/api/organisations/boligorganisationer' : undefined),
    { defaultValue: [] },
  );

  constructor() {
    this.form.controls.role.valueChanges.subscribe((role) => this.updatePartnerValidator(role));
    this.updatePartnerValidator(this.form.controls.role.value);
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const role = value.role as Role;
    const common = {
      displayName: value.displayName.trim(),
      email: value.email.trim() || null,
      role,
      teamIds: value.teamIds,
      partnerOrganisationId: role === Role.KommunalPartner ? value.partnerOrganisationId : null,
      boligorganisationId: role === Role.Boligorganisation ? value.boligorganisationId : null,
    };
    const request: Observable<UserSummary | CreatedUser> = this.user
      ? this.store.update(this.user.id, {
          ...common,
          version: this.user.version,
        })
      : this.store.create({
          ...common,
          username: value.username.trim(),
        });

    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    request.subscribe({
      next: (saved) => {
        this.isSubmitting.set(false);
        if ('activation' in saved) {
          // Stay open: the link is shown this once, and the list reloads when the dialog closes.
          this.created.set({ name: saved.displayName, link: saved.activation });
          this.dialogRef.disableClose = true;
          return;
        }
        this.snackBar.open(this.transloco.translate('common.saved'), undefined, {
          duration: 4000,
        });
        this.dialogRef.close(true);
      },
      error: (error: unknown) => {
        this.isSubmitting.set(false);
        this.handleError(error);
      },
    });
  }

  private handleError(error: unknown): void {
    if (error instanceof HttpErrorResponse && error.status === 409) {
      if (!this.isEdit) {
        this.form.controls.username.setErrors({ taken: true });
        return;
      }
      const entity = this.transloco.translate('users.entity');
      this.snackBar.open(this.transloco.translate('common.conflict', { entity }), undefined, {
        duration: 6000,
      });
      this.dialogRef.close(true);
      return;
    }
    if (error instanceof HttpErrorResponse && error.status === 400) {
      this.errorMessage.set(applyServerErrors(this.form, error));
      return;
    }
    if (error instanceof HttpErrorResponse && error.status > 0 && error.status < 500) {
      this.errorMessage.set(this.transloco.translate('errors.unknown'));
    }
  }

  private updatePartnerValidator(role: Role | ''): void {
    const control = this.form.controls.partnerOrganisationId;
    control.setValidators(role === Role.KommunalPartner ? [Validators.required] : []);
    control.updateValueAndValidity({ emitEvent: false });
    const boligorganisation = this.form.controls.boligorganisationId;
    boligorganisation.setValidators(role === Role.Boligorganisation ? [Validators.required] : []);
    boligorganisation.updateValueAndValidity({ emitEvent: false });
  }
}
