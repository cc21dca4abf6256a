import { inject, Injector } from '@angular/core';
import { MatDialog, type MatDialogConfig } from '@angular/material/dialog';
import type { ComponentType } from '@angular/cdk/portal';
import { filter, type Observable, type OperatorFunction, tap } from 'rxjs';

/** What every dialog opens with: never wider than the screen, focus on its first field. */
export const DIALOG_DEFAULTS: MatDialogConfig = { maxWidth: '95vw', autoFocus: 'first-tabbable' };

/** Opens dialogs for a component; see `injectDialogs`. */
export interface Dialogs {
  /**
   * Opens `component` with `config` over `DIALOG_DEFAULTS` and the caller's injector (so the dialog sees
   * the page's providers). Emits the result once when the dialog closes with one; a dialog closed
   * without one (cancel, Escape, a falsy result) emits nothing.
   */
  open<C, D, R>(component: ComponentType<C>, config?: MatDialogConfig<D>): Observable<NonNullable<R>>;
}

/** The dialog opener for the component (or service) being created: call it in a field initialiser. */
export function injectDialogs(): Dialogs {
  const dialog = inject(MatDialog);
  const injector = inject(Injector);
  return {
    open<C, D, R>(component: ComponentType<C>, config: MatDialogConfig<D> = {}) {
      return dialog
        .open<C, D, R>(component, { ...DIALOG_DEFAULTS, ...config, injector })
        .afterClosed()
        .pipe(filter((result): result is NonNullable<R> => !!result));
    },
  };
}

/**
 * For dialogs that close with `'conflict'` when the record changed meanwhile: calls `onConflict` for it
 * and passes every other result on.
 */
export function onConflict<R>(handle: () => void): OperatorFunction<R, Exclude<R, 'conflict'>> {
  return (source) =>
    source.pipe(
      tap((result) => {
        if (result === 'conflict') handle();
      }),
      filter((result): result is Exclude<R, 'conflict'> => result !== 'conflict'),
    );
}
