import { type Signal, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { ResolveFn } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { filter, merge } from 'rxjs';

type Params = Record<string, unknown>;

export type Translate = (key: string, params?: Params) => string;

/**
 * A translate function as a signal, for labels built in `computed`s (chart series, aria-labels). It
 * changes with the language and again when a translation file (the "reports" scope) has loaded.
 */
export function injectTranslate(): Signal<Translate> {
  const transloco = inject(TranslocoService);
  const changed = toSignal(
    merge(transloco.langChanges$, transloco.events$.pipe(filter((e) => e.type === 'translationLoadSuccess'))),
    { initialValue: null },
  );
  return computed(() => {
    changed();
    return (key: string, params?: Params) => transloco.translate(key, params);
  });
}

/** Loads the "reports" scope of the active language before a route activates, so its titles translate. */
export const loadReportsTranslations: ResolveFn<unknown> = () => {
  const transloco = inject(TranslocoService);
  return transloco.load(`reports/${transloco.getActiveLang()}`);
};
