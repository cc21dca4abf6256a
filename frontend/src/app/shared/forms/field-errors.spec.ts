import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

import { provideTranslocoTesting } from '../../../testing/testing-providers';
import { FieldErrors, fieldMessage } from './field-errors';

@Component({
  imports: [FieldErrors, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  template: `
    <mat-form-field>
      <input matInput [formControl]="name" />
      <mat-error
        [bfFieldErrors]="name"
        [messages]="{ pattern: 'caseTypes.codePattern' }"
        [testIds]="{ pattern: 'code-pattern', server: 'code-server' }"
      />
    </mat-form-field>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly name = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(5), Validators.pattern(/^[a-z]*$/)],
  });
}

describe(FieldErrors.name, () => {
  async function setup() {
    TestBed.configureTestingModule({ imports: [Host], providers: [provideTranslocoTesting()] });
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    await fixture.whenStable();
    const settle = async () => {
      fixture.componentRef.changeDetectorRef.markForCheck();
      fixture.detectChanges();
      await fixture.whenStable();
    };
    const error = () => (fixture.nativeElement as HTMLElement).querySelector('mat-error')?.textContent?.trim();
    const testId = () =>
      (fixture.nativeElement as HTMLElement).querySelector('mat-error')?.getAttribute('data-testid') ?? null;
    return { control: fixture.componentInstance.name, settle, error, testId };
  }

  it('should show the Danish message of the first error, the field own messages, and the server text', async () => {
    const { control, settle, error, testId } = await setup();
    control.markAsTouched();
    await settle();
    expect(error()).toBe('Skal udfyldes');

    control.setValue('abcdefg');
    await settle();
    expect(error()).toBe('Må højst være 5 tegn');
    expect(testId()).toBeNull();

    control.setValue('ABC');
    await settle();
    expect(error()).toBe('Brug kun små bogstaver a–z, tal og _ (2–40 tegn)');
    expect(testId()).toBe('code-pattern');

    control.setValue('abc');
    control.setErrors({ server: 'Navnet er i brug' }, { emitEvent: false });
    await settle();
    expect(error()).toBe('Navnet er i brug');
    expect(testId()).toBe('code-server');

    control.setValue('abc');
    await settle();
    expect(error()).toBeUndefined();
  });

  it('should put required first and the server message last', () => {
    expect(fieldMessage({ server: 'x', pattern: true, required: true }, { pattern: 'p' })).toEqual({
      error: 'required',
      key: 'common.required',
      params: undefined,
    });
    expect(fieldMessage({ server: 'x', pattern: true }, { pattern: 'p' })).toEqual({
      error: 'pattern',
      key: 'p',
      params: undefined,
    });
    expect(fieldMessage({ server: 'x' })).toEqual({ error: 'server', text: 'x' });
    expect(fieldMessage({ minlength: { requiredLength: 12, actualLength: 3 } })).toEqual({
      error: 'minlength',
      key: 'common.minLength',
      params: { max: 12, min: 12 },
    });
    expect(fieldMessage({ unknown: true })).toBeNull();
    expect(fieldMessage(null)).toBeNull();
  });
});
