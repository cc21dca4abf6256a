import { ChangeDetectionStrategy, Component, computed, DoCheck, input, signal } from '@angular/core';
import { type AbstractControl, ReactiveFormsModule, type ValidationErrors } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';

/** The message a control's first error stands for: a translation key with its params, or the server's text. */
type FieldMessage =
  { error: string; key: string; params?: Record<string, unknown> } | { error: 'server'; text: string } | null;

/** Messages for the validators Angular ships, used unless the field names its own. */
const DEFAULT_MESSAGES: Record<string, string> = {
  maxlength: 'common.maxLength',
  minlength: 'common.minLength',
  email: 'common.invalidEmail',
};

/** Params a translation gets from the error Angular puts on the control. */
function paramsOf(error: unknown): Record<string, unknown> | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const e = error as Record<string, unknown>;
  if (typeof e['requiredLength'] === 'number') {
    return { max: e['requiredLength'], min: e['requiredLength'] };
  }
  if (typeof e['max'] === 'number' || typeof e['min'] === 'number') return { max: e['max'], min: e['min'] };
  return undefined;
}

/**
 * The message for a control's first error, in this order: `required` (`common.required`), the field's
 * own `messages` in the order given, Angular's length and e-mail validators, and last the `server`
 * message that `applyServerErrors` put on the control (the text of the API's `fields` answer).
 */
export function fieldMessage(errors: ValidationErrors | null, messages: Record<string, string> = {}): FieldMessage {
  if (!errors) return null;
  const order = new Map<string, string>([['required', 'common.required']]);
  for (const [error, key] of Object.entries(messages)) order.set(error, key);
  for (const [error, key] of Object.entries(DEFAULT_MESSAGES)) if (!order.has(error)) order.set(error, key);
  for (const [error, key] of order) {
    if (errors[error] !== undefined && errors[error] !== null && errors[error] !== false) {
      return { error, key, params: paramsOf(errors[error]) };
    }
  }
  const server: unknown = errors['server'];
  return typeof server === 'string' ? { error: 'server', text: server } : null;
}

/**
 * A form field's error line: `<mat-error [bfFieldErrors]="form.controls.name" />` shows the Danish
 * message for the control's first error (see `fieldMessage`). Pass `[messages]="{ taken: 'users.usernameTaken' }"`
 * for the field's own validators, and `[testIds]="{ taken: 'user-username-taken' }"` to mark an error
 * line by its error for tests. It reads the control on every check of its host, as an `@if` would,
 * so errors set without an event (`emitEvent: false`) show too.
 */
@Component({
  // An attribute component on Material's own element: the `bf` prefix is on the attribute.
  // eslint-disable-next-line @angular-eslint/component-selector
  selector: 'mat-error[bfFieldErrors]',
  imports: [TranslocoPipe],
  template: `
    @let m = message();
    @if (m && 'text' in m) {
      {{ m.text }}
    } @else if (m) {
      {{ m.key | transloco: m.params }}
    }
  `,
  host: { '[attr.data-testid]': 'testId()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FieldErrors implements DoCheck {
  readonly control = input.required<AbstractControl>({ alias: 'bfFieldErrors' });
  readonly messages = input<Record<string, string>>({});
  readonly testIds = input<Record<string, string>>({});

  protected readonly message = signal<FieldMessage>(null, {
    equal: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });

  protected readonly testId = computed(() => {
    const error = this.message()?.error;
    return (error !== undefined && Object.hasOwn(this.testIds(), error) ? this.testIds()[error] : null) ?? null;
  });

  ngDoCheck(): void {
    this.message.set(fieldMessage(this.control().errors, this.messages()));
  }
}

/** What a component with reactive Material form fields imports: the fields, inputs and their error lines. */
export const FORM_FIELD_IMPORTS = [FieldErrors, MatFormFieldModule, MatInputModule, ReactiveFormsModule] as const;
