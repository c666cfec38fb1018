// Forms: the CSRF-carrying form, its button, and what a form sent back to be corrected shows.
import type { ComponentChildren } from "preact";

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string | undefined>;

/** A form sent back to be corrected: what was wrong with each field, and what was typed. */
export interface Problem {
  errors: FieldErrors;
  values: FormValues;
}

/** Validated form data as the text its fields show again (a number as its digits, nothing as empty). */
export function formValues(data: Record<string, string | number | boolean | null | undefined>): FormValues {
  return Object.fromEntries(
    Object.entries(data).map(([field, value]) => [field, value === null || value === undefined ? undefined : String(value)]),
  );
}

export function ErrorSummary({ errors, title = "There is a problem" }: { errors: FieldErrors; title?: string }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="nhsuk-error-summary" data-module="nhsuk-error-summary" tabIndex={-1}>
      <div role="alert">
        <h2 class="nhsuk-error-summary__heading">{title}</h2>
        <div class="nhsuk-error-summary__body">
          <ul class="nhsuk-list nhsuk-error-summary__list">
            {entries.map(([field, message]) => (
              <li key={field}>
                <a href={`#${fieldId(field)}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/** The id of a form field's input, from its name ("links.0.url" -> "links-0-url"). */
export function fieldId(name: string): string {
  return name.replace(/[^a-zA-Z0-9_-]+/g, "-");
}

export function Button({
  children,
  variant,
  name,
  value,
  small,
}: {
  children: ComponentChildren;
  variant?: "secondary" | "reverse" | "warning" | "login";
  name?: string;
  value?: string;
  small?: boolean;
}) {
  const cls = ["nhsuk-button", variant ? `nhsuk-button--${variant}` : "", small ? "nhsuk-button--small" : ""].filter(Boolean).join(" ");
  return (
    <button class={cls} data-module="nhsuk-button" type="submit" name={name} value={value}>
      {children}
    </button>
  );
}

/** A POST form carrying the CSRF token. Every state-changing form uses this. */
export function Form({
  action,
  csrf,
  children,
  class: className,
}: {
  action: string;
  csrf: string;
  children: ComponentChildren;
  class?: string;
}) {
  return (
    <form action={action} method="post" novalidate class={className}>
      <input type="hidden" name="_csrf" value={csrf} />
      {children}
    </form>
  );
}
