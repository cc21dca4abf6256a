import { Component, Injector, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog, type MatDialogRef } from '@angular/material/dialog';
import { of } from 'rxjs';

import { injectDialogs, onConflict } from './dialogs';

@Component({ template: '' })
class Probe {}

@Component({ template: '' })
class Opener {
  readonly dialogs = injectDialogs();
  readonly injector = inject(Injector);
}

describe('injectDialogs', () => {
  function setup(result: unknown) {
    const fixture = TestBed.createComponent(Opener);
    const open = jest
      .spyOn(TestBed.inject(MatDialog), 'open')
      .mockReturnValue({ afterClosed: () => of(result) } as MatDialogRef<unknown>);
    return { opener: fixture.componentInstance, open };
  }

  it('should open with the house defaults, the caller config and the caller injector', () => {
    const { opener, open } = setup(undefined);
    opener.dialogs.open(Probe, { width: '40rem', data: 'x' });
    expect(open).toHaveBeenCalledWith(Probe, {
      maxWidth: '95vw',
      autoFocus: 'first-tabbable',
      width: '40rem',
      data: 'x',
      injector: opener.injector,
    });
  });

  it('should emit a result and nothing for a dialog closed without one', () => {
    const seen: unknown[] = [];
    setup({ id: 'a' })
      .opener.dialogs.open(Probe)
      .subscribe((r) => seen.push(r));
    setup(undefined)
      .opener.dialogs.open(Probe)
      .subscribe((r) => seen.push(r));
    setup(false)
      .opener.dialogs.open(Probe)
      .subscribe((r) => seen.push(r));
    expect(seen).toEqual([{ id: 'a' }]);
  });

  it('should hand a conflict to its handler and pass other results on', () => {
    const conflict = jest.fn();
    const seen: unknown[] = [];
    of<{ id: string } | 'conflict'>('conflict', { id: 'b' })
      .pipe(onConflict(conflict))
      .subscribe((r) => seen.push(r));
    expect(conflict).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([{ id: 'b' }]);
  });
});
