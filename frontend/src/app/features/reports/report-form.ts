import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl, NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import {
  type AfdelingSummary,
  type BoligorganisationSummary,
  DEFAULT_COST_BOLIGORGANISATION,
  DEFAULT_COST_KOMMUNE,
  Permission,
  ReportAudience,
  type ReportRequest,
  ReportScopeType,
  Role,
  type TeamSummary,
} from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { todayIso } from '../../core/format/dates';
import { LanguageStore } from '../../core/i18n/language-store';
import { dialogErrorMessage } from '../evictions/evictions-api';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { PERIOD_PRESETS, type Period, type PeriodPreset, presetPeriod } from './report-period';
import { BOLIGORGANISATIONER_URL, ReportsApi, TEAMS_URL } from './reports-api';
import { formatKroner, formatPeriod } from './report-format';

export const SCOPE_TYPES = Object.values(ReportScopeType);
export const MAX_COST = 10_000_000;

export interface ReportFormValue {
  preset: PeriodPreset;
  from: string;
  to: string;
  scopeType: ReportScopeType;
  scopeId: string | null;
  audience: ReportAudience;
  costBoligorganisation: number;
  costKommune: number;
  title: string;
}

export interface ScopeOption {
  id: string;
  name: string;
}

/** The body of POST /api/reports for the form's value on `today`. */
export function buildReportRequest(value: ReportFormValue, today: string): ReportRequest {
  const period: Period =
    value.preset === 'custom' ? { from: value.from, to: value.to } : presetPeriod(value.preset, today);
  const request: ReportRequest = {
    ...period,
    scopeType: value.scopeType,
    audience: value.audience,
    costBoligorganisation: Math.round(Number(value.costBoligorganisation)),
    costKommune: Math.round(Number(value.costKommune)),
    title: value.title.trim() || null,
  };
  if (value.scopeType !== ReportScopeType.Alle) request.scopeId = value.scopeId;
  return request;
}

/** Every scope but "alle" names what it covers. */
function scopeIdRequired(control: AbstractControl<string | null>) {
  const type = control.parent?.get('scopeType')?.value as ReportScopeType | undefined;
  return type && type !== ReportScopeType.Alle && !control.value ? { required: true } : null;
}

function customDateRequired(control: AbstractControl<string>) {
  return control.parent?.get('preset')?.value === 'custom' && !control.value ? { required: true } : null;
}

function toNotBeforeFrom(control: AbstractControl<string>) {
  const from = control.parent?.get('from')?.value as string | undefined;
  return control.parent?.get('preset')?.value === 'custom' && from && control.value && control.value < from
    ? { beforeFrom: true }
    : null;
}

/** "Lav rapport": period, scope, audience and the estimate's costs; generates and stores the report, then opens it. */
@Component({
  selector: 'bf-report-form',
  imports: [FORM_FIELD_IMPORTS, MatButtonModule, MatProgressBarModule, MatRadioModule, MatSelectModule, TranslocoPipe],
  templateUrl: './report-form.html',
  styleUrl: './report-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportForm {
  private readonly api = inject(ReportsApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(LanguageStore).language;

  /** Today as yyyy-MM-dd; the presets count from it. */
  readonly today = input(todayIso());

  protected readonly presets = PERIOD_PRESETS;
  protected readonly scopeTypes = SCOPE_TYPES;
  protected readonly maxCost = formatKroner(MAX_COST);
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  private readonly isAdmin = this.auth.user()?.role === Role.Admin;
  private readonly ownTeamIds = new Set((this.auth.user()?.teams ?? []).map((t) => t.id));

  protected readonly form = inject(NonNullableFormBuilder).group({
    preset: ['thisQuarter' as PeriodPreset],
    from: ['', [customDateRequired]],
    to: ['', [customDateRequired, toNotBeforeFrom]],
    scopeType: [ReportScopeType.Team as ReportScopeType],
    scopeId: [null as string | null, [scopeIdRequired]],
    audience: [ReportAudience.Intern as ReportAudience],
    costBoligorganisation: [
      DEFAULT_COST_BOLIGORGANISATION,
      [Validators.required, Validators.min(0), Validators.max(MAX_COST)],
    ],
    costKommune: [DEFAULT_COST_KOMMUNE, [Validators.required, Validators.min(0), Validators.max(MAX_COST)]],
    title: ['', [Validators.maxLength(200)]],
  });

  protected readonly preset = toSignal(this.form.controls.preset.valueChanges, {
    initialValue: this.form.controls.preset.value,
  });
  protected readonly scopeType = toSignal(this.form.controls.scopeType.valueChanges, {
    initialValue: this.form.controls.scopeType.value,
  });

  private readonly teams = httpResource<TeamSummary[]>(
    () => (this.auth.can(Permission.TeamRead) ? TEAMS_URL : undefined),
    { defaultValue: [] },
  );
  private readonly boligorganisationer = httpResource<BoligorganisationSummary[]>(
    () => (this.auth.can(Permission.OrganisationRead) ? BOLIGORGANISATIONER_URL : undefined),
    { defaultValue: [] },
  );
  protected readonly optionsLoading = computed(() => this.teams.isLoading() || this.boligorganisationer.isLoading());

  /** The teams the caller may report on: their own; every team for the administrator (as the API decides). */
  private readonly allowedTeams = computed(() =>
    (this.teams.hasValue() ? this.teams.value() : []).filter((t) => this.isAdmin || this.ownTeamIds.has(t.id)),
  );

  private readonly afdelinger = computed(() => {
    const byId = new Map<string, AfdelingSummary>();
    for (const team of this.allowedTeams()) for (const a of team.afdelinger) byId.set(a.id, a);
    return [...byId.values()].sort((a, b) =>
      a.afdelingsnummer.localeCompare(b.afdelingsnummer, 'da', { numeric: true }),
    );
  });

  protected readonly scopeOptions = computed<ScopeOption[]>(() => {
    switch (this.scopeType()) {
      case ReportScopeType.Team:
      case ReportScopeType.Helhedsplan:
        return this.allowedTeams().map((t) => ({ id: t.id, name: t.name }));
      case ReportScopeType.Afdeling:
        return this.afdelinger().map((a) => ({ id: a.id, name: `${a.afdelingsnummer} ${a.name}` }));
      case ReportScopeType.Boligorganisation: {
        const covered = new Set(this.afdelinger().map((a) => a.id));
        return (this.boligorganisationer.hasValue() ? this.boligorganisationer.value() : [])
          .filter((b) => b.afdelinger.some((a) => covered.has(a.id)))
          .map((b) => ({ id: b.id, name: b.name }));
      }
      default:
        return [];
    }
  });

  protected readonly periodText = computed(() => {
    const preset = this.preset();
    if (preset === 'custom') return null;
    const period = presetPeriod(preset, this.today());
    return formatPeriod(period.from, period.to, this.language());
  });

  constructor() {
    this.form.controls.preset.valueChanges.subscribe(() => {
      this.form.controls.from.updateValueAndValidity();
      this.form.controls.to.updateValueAndValidity();
    });
    this.form.controls.from.valueChanges.subscribe(() => this.form.controls.to.updateValueAndValidity());
    this.form.controls.scopeType.valueChanges.subscribe(() => {
      // A team id means nothing as an afdeling: the choice starts over with the type.
      this.form.controls.scopeId.setValue(null);
    });
    // A team lead with one team: that team (or its helhedsplan) is the obvious choice.
    effect(() => {
      const options = this.scopeOptions();
      const type = this.scopeType();
      const scopeId = this.form.controls.scopeId;
      const isTeam = type === ReportScopeType.Team || type === ReportScopeType.Helhedsplan;
      if (isTeam && options.length === 1 && !scopeId.value) scopeId.setValue(options[0].id);
    });
  }

  protected create(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    this.api.generate(buildReportRequest(this.form.getRawValue(), this.today())).subscribe({
      next: (report) => {
        this.isSubmitting.set(false);
        void this.router.navigate(['/rapporter', report.id]);
      },
      error: (error: unknown) => {
        this.isSubmitting.set(false);
        this.errorMessage.set(dialogErrorMessage(error, this.form, this.transloco.translate('errors.unknown')));
      },
    });
  }
}
