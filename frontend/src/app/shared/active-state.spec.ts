import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { provideTranslocoTesting } from '../../testing/testing-providers';
import { ActiveChip, ActiveToggle } from './active-state';

@Component({
  imports: [ActiveChip, ActiveToggle],
  template: `
    <bf-active-chip [active]="active()" testId="team-status" />
    <bf-active-toggle
      [active]="active()"
      name="Team Nord"
      [labels]="{ deactivate: 'teams.deactivateTeam', reactivate: 'teams.reactivateTeam' }"
      testIdPrefix="team"
      (switched)="asked.push($event); active.set($event)"
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly active = signal(true);
  readonly asked: boolean[] = [];
}

describe('ActiveChip and ActiveToggle', () => {
  it('should show the state, offer the opposite action by name and emit the state asked for', async () => {
    TestBed.configureTestingModule({ imports: [Host], providers: [provideTranslocoTesting()] });
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const q = (id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`);

    expect(q('team-status')?.textContent?.trim()).toBe('Aktiv');
    expect(q('team-status')?.classList).toContain('bf-chip-active');
    expect(q('team-reactivate')).toBeNull();
    const deactivate = q('team-deactivate');
    expect(deactivate?.getAttribute('aria-label')).toContain('Team Nord');
    deactivate?.click();
    fixture.detectChanges();
    await fixture.whenStable();

    expect(fixture.componentInstance.asked).toEqual([false]);
    expect(q('team-status')?.textContent?.trim()).toBe('Deaktiveret');
    expect(q('team-deactivate')).toBeNull();
    q('team-reactivate')?.click();
    expect(fixture.componentInstance.asked).toEqual([false, true]);
  });
});
