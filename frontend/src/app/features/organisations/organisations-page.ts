import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import type { AfdelingSummary, BoligorganisationSummary, PartnerOrganisationSummary } from '@bofast/contracts';

import { injectDialogs } from '../../shared/dialogs';
import { AfdelingDialog } from './afdeling-dialog';
import { BoligorganisationDialog } from './boligorganisation-dialog';
import { OrganisationsStore } from './organisations-store';
import { PartnerDialog } from './partner-dialog';

const DIALOG_CONFIG = { width: '32rem' } as const;

/** Admin: boligorganisationer with their afdelinger, and partner organisations. */
@Component({
  selector: 'bf-organisations-page',
  imports: [MatButtonModule, MatCardModule, MatTableModule, RouterLink, TranslocoPipe],
  providers: [OrganisationsStore],
  templateUrl: './organisations-page.html',
  styleUrl: './organisations-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganisationsPage {
  protected readonly store = inject(OrganisationsStore);
  private readonly dialogs = injectDialogs();
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly partnerColumns = ['name', 'type', 'kommune'];

  protected createBoligorganisation(): void {
    this.dialogs
      .open<BoligorganisationDialog, undefined, BoligorganisationSummary>(BoligorganisationDialog, {
        ...DIALOG_CONFIG,
      })
      .subscribe(() => {
        this.notify('organisations.orgCreated');
        this.store.reloadBoligorganisationer();
      });
  }

  protected addAfdeling(org: BoligorganisationSummary): void {
    this.dialogs
      .open<AfdelingDialog, BoligorganisationSummary, AfdelingSummary>(AfdelingDialog, {
        ...DIALOG_CONFIG,
        data: org,
      })
      .subscribe(() => {
        this.notify('organisations.afdelingCreated');
        this.store.reloadBoligorganisationer();
      });
  }

  protected createPartner(): void {
    this.dialogs
      .open<PartnerDialog, undefined, PartnerOrganisationSummary>(PartnerDialog, {
        ...DIALOG_CONFIG,
      })
      .subscribe(() => {
        this.notify('organisations.partnerCreated');
        this.store.reloadPartners();
      });
  }

  private notify(key: string): void {
    this.snackBar.open(this.transloco.translate(key), undefined, { duration: 4000 });
  }
}
