import { httpResource } from '@angular/common/http';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe } from '@jsverse/transloco';

import type { FailedJob } from '@bofast/contracts';

/** Admin: background jobs whose retries are used up (pg-boss's dead letters), newest first. */
@Component({
  selector: 'bf-failed-jobs-page',
  imports: [DatePipe, MatButtonModule, MatTableModule, TranslocoPipe],
  templateUrl: './failed-jobs-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FailedJobsPage {
  private readonly resource = httpResource<FailedJob[]>(() => '/api/jobs/failed');
  protected readonly jobs = computed(() => (this.resource.hasValue() ? this.resource.value() : []));
  protected readonly isLoading = this.resource.isLoading;
  protected readonly columns = ['queue', 'failedAt', 'attempts', 'error'];

  protected reload(): void {
    this.resource.reload();
  }
}
