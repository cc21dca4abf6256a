import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { TranslocoPipe } from '@jsverse/transloco';

/** "Aktiv"/"Inaktiv" as a chip in a list row (users, teams, case types). */
@Component({
  selector: 'bf-active-chip',
  imports: [MatChipsModule, TranslocoPipe],
  template: `
    <mat-chip-set>
      <mat-chip [class]="active() ? 'bf-chip-active' : 'bf-chip-inactive'" [attr.data-testid]="testId()">
        {{ (active() ? 'common.active' : 'common.inactive') | transloco }}
      </mat-chip>
    </mat-chip-set>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActiveChip {
  readonly active = input.required<boolean>();
  readonly testId = input<string | null>(null);
}

/**
 * The "Deaktivér"/"Genaktivér" button of a list row. `labels` are the translation keys of the two
 * accessible names (each takes `{ name }`); it emits the state asked for. Test ids are
 * `<testIdPrefix>-deactivate` and `<testIdPrefix>-reactivate`.
 */
@Component({
  selector: 'bf-active-toggle',
  imports: [MatButtonModule, TranslocoPipe],
  template: `
    @let state = active() ? 'deactivate' : 'reactivate';
    <button
      mat-button
      type="button"
      (click)="switched.emit(!active())"
      [attr.aria-label]="labels()[state] | transloco: { name: name() }"
      [attr.data-testid]="testIdPrefix() + '-' + state"
    >
      {{ 'common.' + state | transloco }}
    </button>
  `,
  styles: ':host { display: contents; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActiveToggle {
  readonly active = input.required<boolean>();
  readonly name = input.required<string>();
  readonly labels = input.required<{ deactivate: string; reactivate: string }>();
  readonly testIdPrefix = input.required<string>();
  readonly switched = output<boolean>();
}
