import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import {
  PARTNER_CHANNELS,
  type PartnerChannel,
  type PartnerContact,
  type PartnerDirectoryEntry,
  type UpdatePartnerRequest,
} from '@bofast/contracts';

import { dialogErrorMessage, isVersionConflict } from '../evictions/evictions-api';
import { requiredText } from '../evictions/eviction-view';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';

/** The saved entry, or 'conflict' when someone else changed it first. */
export type PartnerEditDialogResult = PartnerDirectoryEntry | 'conflict';

/** One service per line, blank lines left out. */
export function servicesOf(text: string): string[] {
  return text
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Admin: a partner's services, contact persons, referral channels and response time. */
@Component({
  selector: 'bf-partner-edit-dialog',
  imports: [FORM_FIELD_IMPORTS, MatButtonModule, MatCheckboxModule, MatDialogModule, MatIconModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'partners.editTitle' | transloco: { name: data.name } }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="partner-edit-dialog">
      <mat-dialog-content class="bf-form">
        @if (errorMessage(); as message) {
          <p class="bf-form-error" role="alert" data-testid="partner-edit-error">{{ message }}</p>
        }
        <mat-form-field>
          <mat-label>{{ 'partners.services' | transloco }}</mat-label>
          <textarea matInput formControlName="services" rows="4" data-testid="partner-edit-services"></textarea>
          <mat-hint>{{ 'partners.servicesHint' | transloco }}</mat-hint>
          <mat-error [bfFieldErrors]="form.controls.services" />
        </mat-form-field>
        <fieldset class="bf-field-group" formGroupName="channels">
          <legend>{{ 'partners.channels' | transloco }}</legend>
          <div class="checks">
            @for (c of channels; track c) {
              <mat-checkbox [formControlName]="c" [attr.data-testid]="'partner-edit-channel-' + c">{{
                'partnerChannel.' + c | transloco
              }}</mat-checkbox>
            }
          </div>
        </fieldset>
        <mat-form-field>
          <mat-label>{{ 'partners.responseDays' | transloco }}</mat-label>
          <input
            matInput
            type="number"
            min="1"
            max="90"
            formControlName="responseDays"
            data-testid="partner-edit-response-days"
          />
          <mat-hint>{{ 'partners.responseDaysHint' | transloco }}</mat-hint>
          @if (form.controls.responseDays.hasError('required')) {
            <mat-error>{{ 'common.required' | transloco }}</mat-error>
          } @else if (form.controls.responseDays.hasError('min') || form.controls.responseDays.hasError('max')) {
            <mat-error>{{ 'partners.responseDaysRange' | transloco }}</mat-error>
          } @else if (form.controls.responseDays.getError('server'); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <fieldset class="bf-field-group" formArrayName="contacts">
          <legend>{{ 'partners.contacts' | transloco }}</legend>
          @for (c of form.controls.contacts.controls; track c; let i = $index) {
            <div class="contact" [formGroupName]="i" data-testid="partner-edit-contact">
              <mat-form-field>
                <mat-label>{{ 'partners.contactName' | transloco }}</mat-label>
                <input matInput formControlName="name" autocomplete="off" />
                <mat-error [bfFieldErrors]="c.controls.name" />
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ 'partners.contactRole' | transloco }}</mat-label>
                <input matInput formControlName="role" autocomplete="off" />
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ 'partners.contactPhone' | transloco }}</mat-label>
                <input matInput type="tel" formControlName="phone" autocomplete="off" />
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ 'partners.contactEmail' | transloco }}</mat-label>
                <input matInput type="email" formControlName="email" autocomplete="off" />
                <mat-error [bfFieldErrors]="c.controls.email" />
              </mat-form-field>
              <button
                mat-button
                type="button"
                (click)="removeContact(i)"
                [attr.aria-label]="'partners.removeContact' | transloco: { n: i + 1 }"
              >
                <mat-icon svgIcon="close" aria-hidden="true" />{{ 'partners.remove' | transloco }}
              </button>
            </div>
          }
          <button mat-stroked-button type="button" (click)="addContact()" data-testid="partner-edit-add-contact">
            <mat-icon svgIcon="add" aria-hidden="true" />{{ 'partners.addContact' | transloco }}
          </button>
        </fieldset>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="isSubmitting()" data-testid="partner-edit-submit">
          {{ 'common.save' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .checks {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .contact {
      padding: 0.5rem 0;
      margin-bottom: 0.5rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerEditDialog {
  private readonly http = inject(HttpClient);
  private readonly transloco = inject(TranslocoService);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly dialogRef = inject<MatDialogRef<PartnerEditDialog, PartnerEditDialogResult>>(MatDialogRef);
  protected readonly data = inject<PartnerDirectoryEntry>(MAT_DIALOG_DATA);
  protected readonly channels = PARTNER_CHANNELS;
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  readonly form = this.fb.group({
    services: [this.data.services.join('\n')],
    channels: this.fb.group(
      Object.fromEntries(PARTNER_CHANNELS.map((c) => [c, this.data.channels.includes(c)])) as Record<
        PartnerChannel,
        boolean
      >,
    ),
    responseDays: [this.data.responseDays, [Validators.required, Validators.min(1), Validators.max(90)]],
    contacts: this.fb.array(this.data.contacts.map((c) => this.contactGroup(c))),
  });

  protected addContact(): void {
    this.form.controls.contacts.push(this.contactGroup());
  }

  protected removeContact(index: number): void {
    this.form.controls.contacts.removeAt(index);
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const request: UpdatePartnerRequest = {
      services: servicesOf(value.services),
      channels: PARTNER_CHANNELS.filter((c) => value.channels[c]),
      responseDays: Number(value.responseDays),
      contacts: value.contacts.map((c): PartnerContact => ({
        name: c.name.trim(),
        role: c.role.trim() || null,
        phone: c.phone.trim() || null,
        email: c.email.trim() || null,
      })),
      version: this.data.version,
    };
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    this.http.patch<PartnerDirectoryEntry>(`/api/partners/${encodeURIComponent(this.data.id)}`, request).subscribe({
      next: (saved) => {
        this.isSubmitting.set(false);
        this.dialogRef.close(saved);
      },
      error: (error: unknown) => {
        this.isSubmitting.set(false);
        if (isVersionConflict(error)) {
          this.dialogRef.close('conflict');
          return;
        }
        this.errorMessage.set(dialogErrorMessage(error, this.form, this.transloco.translate('errors.unknown')));
      },
    });
  }

  private contactGroup(c: Partial<PartnerContact> = {}) {
    return this.fb.group({
      name: [c.name ?? '', requiredText],
      role: [c.role ?? ''],
      phone: [c.phone ?? ''],
      email: [c.email ?? ''],
    });
  }
}
