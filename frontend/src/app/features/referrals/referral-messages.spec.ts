import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { of, throwError } from 'rxjs';

import type { ReferralMessage } from '@bofast/contracts';

import { provideAppTesting } from '../../../testing/testing-providers';
import { ReferralMessages } from './referral-messages';

const MESSAGES: ReferralMessage[] = [
  {
    id: 'm1',
    side: 'partner',
    author: 'Camilla Berg',
    text: 'Første samtale gik godt.',
    createdAt: '2026-12-02T10:00:00Z',
  },
];

async function setup(post: (text: string) => unknown) {
  TestBed.configureTestingModule({ imports: [ReferralMessages], providers: provideAppTesting() });
  const fixture = TestBed.createComponent(ReferralMessages);
  fixture.componentRef.setInput('messages', MESSAGES);
  fixture.componentRef.setInput('side', 'team');
  fixture.componentRef.setInput('canWrite', true);
  fixture.componentRef.setInput('post', post);
  fixture.detectChanges();
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const box = el.querySelector<HTMLTextAreaElement>('[data-testid="referral-message-text"]') as HTMLTextAreaElement;
  const send = async (text: string) => {
    box.value = text;
    box.dispatchEvent(new Event('input'));
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    fixture.detectChanges();
    await fixture.whenStable();
  };
  return { fixture, el, box, send };
}

describe(ReferralMessages.name, () => {
  it('should show the thread with the other side set apart', async () => {
    const { el } = await setup(() => of(null));
    const message = el.querySelector('[data-testid="referral-message"]');
    expect(message?.textContent).toContain('Camilla Berg');
    expect(message?.textContent).toContain('Første samtale gik godt.');
    expect(message?.classList).not.toContain('mine');
  });

  it('should post the trimmed text and empty the box without an error', async () => {
    const post = jest.fn(() => of(null));
    const { box, send, el } = await setup(post);
    await send('  Tak, jeg følger op.  ');
    expect(post).toHaveBeenCalledWith('Tak, jeg følger op.');
    expect(box.value).toBe('');
    expect(el.querySelector('mat-error')).toBeNull();
  });

  it('should not post an empty message, and show the server’s words when posting fails', async () => {
    const post = jest.fn(() =>
      throwError(
        () => new HttpErrorResponse({ status: 409, error: { message: 'Send henvisningen, før I skriver sammen.' } }),
      ),
    );
    const { send, el } = await setup(post);
    await send('   ');
    expect(post).not.toHaveBeenCalled();
    expect(el.querySelector('mat-error')?.textContent).toContain('Skal udfyldes');
    await send('Hej');
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('Send henvisningen, før I skriver sammen.');
  });
});
