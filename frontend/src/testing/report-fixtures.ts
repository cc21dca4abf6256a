import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { type EnvironmentProviders, type Provider, importProvidersFrom } from '@angular/core';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';

import type { IndicatorDefinition, Report, ReportResult, ReportSummary } from '@bofast/contracts';

import da from '../../public/i18n/da.json';
import en from '../../public/i18n/en.json';
import reportsDa from '../../public/i18n/reports/da.json';
import reportsEn from '../../public/i18n/reports/en.json';
import { errorInterceptor } from '../app/core/http/error-interceptor';

/** provideAppTesting() with the "reports" Transloco scope preloaded (its keys read "reports.…"). */
export function provideReportsTesting(): (Provider | EnvironmentProviders)[] {
  return [
    provideHttpClient(withInterceptors([errorInterceptor])),
    provideHttpClientTesting(),
    provideRouter([]),
    importProvidersFrom(
      TranslocoTestingModule.forRoot({
        langs: { da, en, 'reports/da': reportsDa, 'reports/en': reportsEn },
        translocoConfig: { availableLangs: ['da', 'en'], defaultLang: 'da', fallbackLang: 'da' },
        preloadLangs: true,
      }),
    ),
  ];
}

/** An internal team report's numbers for Q1 2026: involved in 41, avoided 30. */
export function reportResult(overrides: Partial<ReportResult> = {}): ReportResult {
  return {
    evictions: {
      involved: 41,
      avoided: 30,
      avoidedShare: 0.732,
      households: 39,
      byStage: [
        { stage: 'paakrav', involved: 20, avoided: 18, outcomes: { undgaaet_betalt: 18 } },
        { stage: 'ophaevelse', involved: 15, avoided: 10, outcomes: { undgaaet_aftale: 10, fraflyttet_frivilligt: 2 } },
        { stage: 'fogedret', involved: 6, avoided: 2, outcomes: { undgaaet_tilbagekaldt: 2, gennemfoert: 1 } },
      ],
      funnel: { paakrav: 41, ophaevelse: 21, fogedret: 6, outcome: 33 },
      sustained: { due: 12, checked: 10, stillResident: 9 },
      pendingApproval: 3,
    },
    estimate: {
      avoided: 30,
      costBoligorganisation: 50_000,
      costKommune: 200_000,
      low: 1_500_000,
      high: 7_500_000,
      assumptions: [
        'En udsættelse koster boligorganisationen i gennemsnit 50.000 kr.',
        'For kommunen kan en udsættelse koste op til 200.000 kr.',
      ],
      caveat: 'Skønnet er ikke en effektmåling.',
    },
    restance: {
      lists: [
        {
          listDate: '2026-01-01',
          boligorganisation: 'Fjordbo',
          rows: 40,
          amount: 312_500.5,
          new: 8,
          risen: 6,
          fallen: 5,
          unchanged: 21,
          cleared: 4,
        },
      ],
      firstContact: { rows: 30, medianDays: 4.5 },
      agreements: { running: 7, kept: 5, broken: 2 },
    },
    referrals: {
      byPartner: [
        {
          partner: 'Jobcenter Fjordby',
          sent: 12,
          accepted: 9,
          declined: 1,
          completed: 4,
          noShow: 1,
          withdrawn: 0,
          open: 6,
          medianResponseDays: 3,
        },
      ],
      underretninger: 2,
    },
    contacts: {
      visits: 55,
      visitsByStatus: { gennemfoert: 55, ingen_hjemme: 9 },
      visitsByLocation: { hjem: 40, kontor: 15 },
      contactAttempts: 80,
      contactAttemptsByOutcome: { kontakt_etableret: 50, ingen_svar: 30 },
    },
    cases: {
      opened: [{ type: 'oekonomi_restance', count: 25 }],
      closed: [{ type: 'oekonomi_restance', reason: 'maal_naaet', count: 11 }],
    },
    people: { uniquePersons: 70, uniqueHouseholds: 52, contacts: 135, episodes: 64 },
    trend: [
      { month: '2026-01', casesOpened: 9, contacts: 40, involved: 15, avoided: 9 },
      { month: '2026-02', casesOpened: 8, contacts: 45, involved: 14, avoided: 10 },
      { month: '2026-03', casesOpened: 8, contacts: 50, involved: 12, avoided: 11 },
    ],
    ...overrides,
  };
}

/** The same numbers as an external report would show them: small counts suppressed. */
export function suppressedResult(): ReportResult {
  const base = reportResult();
  return {
    ...base,
    evictions: {
      ...base.evictions,
      involved: 12,
      avoided: '<5',
      avoidedShare: null,
      pendingApproval: '<5',
      funnel: { paakrav: 12, ophaevelse: 6, fogedret: '<5', outcome: 7 },
    },
    estimate: { ...base.estimate, avoided: '<5', low: null, high: null },
    restance: {
      ...base.restance,
      lists: [{ ...base.restance.lists[0], rows: '<5', amount: null, new: '<5', cleared: 0 }],
    },
    trend: [
      { month: '2026-01', casesOpened: 6, contacts: 20, involved: 7, avoided: '<5' },
      { month: '2026-02', casesOpened: '<5', contacts: 22, involved: 5, avoided: 0 },
    ],
  };
}

export function definition(overrides: Partial<IndicatorDefinition> = {}): IndicatorDefinition {
  return {
    key: 'undgaaet_udsaettelse',
    version: 1,
    description: 'Version 1 fra docs/evictions.md',
    rule: {
      involvedMinStage: 'paakrav',
      avoidedOutcomes: ['undgaaet_betalt', 'undgaaet_aftale', 'undgaaet_tilbagekaldt', 'undgaaet_afvist'],
      requireApproval: true,
      sustainedMonths: 6,
    },
    createdAt: '2026-01-01T09:00:00Z',
    createdBy: null,
    ...overrides,
  };
}

export function report(overrides: Partial<Report> = {}): Report {
  return {
    id: 'r1',
    title: 'Styregruppe 1. kvartal',
    createdAt: '2026-04-02T10:00:00Z',
    createdBy: { id: 'u-tl', displayName: 'Tina Teamleder' },
    request: {
      from: '2026-01-01',
      to: '2026-03-31',
      scopeType: 'team',
      scopeId: 'team1',
      audience: 'intern',
      costBoligorganisation: 50_000,
      costKommune: 200_000,
      title: 'Styregruppe 1. kvartal',
    },
    scopeName: 'Team Fjordparken',
    definitions: [{ key: 'undgaaet_udsaettelse', version: 1 }],
    result: reportResult(),
    ...overrides,
  };
}

export function reportSummary(overrides: Partial<ReportSummary> = {}): ReportSummary {
  return {
    id: 'r1',
    title: 'Styregruppe 1. kvartal',
    createdAt: '2026-04-02T10:00:00Z',
    createdBy: 'Tina Teamleder',
    from: '2026-01-01',
    to: '2026-03-31',
    scopeType: 'team',
    scopeName: 'Team Fjordparken',
    audience: 'intern',
    definitions: [{ key: 'undgaaet_udsaettelse', version: 1 }],
    ...overrides,
  };
}
