import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';

import type { EvictionCase } from '@bofast/contracts';

import { LanguageStore } from '../../core/i18n/language-store';
import { formatKr, formatTimestamp } from '../restance/restance-store';
import { buildSteps, daysLeftText, formatDay, workingDaysText } from './eviction-view';
import { LegalRef } from './legal-ref';

/**
 * The eight stages of an udsættelsessag as an ordered list styled like a Material stepper: what is
 * recorded on each step, the deadlines that follow from it and the law behind it. Vertical in a narrow
 * container, wrapping horizontally in a wide one.
 */
@Component({
  selector: 'bf-eviction-stepper',
  imports: [LegalRef, MatIconModule, TranslocoPipe],
  templateUrl: './eviction-stepper.html',
  styleUrl: './eviction-stepper.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EvictionStepper {
  protected readonly language = inject(LanguageStore).language;

  readonly eviction = input.required<Pick<EvictionCase, 'stages' | 'deadlines' | 'currentStage'>>();

  protected readonly steps = computed(() => buildSteps(this.eviction()));
  protected readonly day = formatDay;
  protected readonly kr = formatKr;
  protected readonly timestamp = formatTimestamp;
  protected readonly daysLeft = daysLeftText;
  protected readonly workingDays = workingDaysText;
}
