// NHS.UK design system components as Preact functions, rendered on the server.
import type { ComponentChildren, JSX } from "preact";

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string | undefined>;

/** A form sent back to be corrected: what was wrong with each field, and what was typed. */
export interface Problem {
  errors: FieldErrors;
  values: FormValues;
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

interface FieldProps {
  name: string;
  label: string;
  hint?: ComponentChildren;
  errors?: FieldErrors;
  /** Show the label as the page heading (one-question pages). */
  labelAsHeading?: boolean;
}

function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return ids || undefined;
}

function FieldShell({
  id,
  label,
  hint,
  error,
  labelAsHeading,
  children,
}: {
  id: string;
  label: string;
  hint?: ComponentChildren;
  error?: string;
  labelAsHeading?: boolean;
  children: ComponentChildren;
}) {
  const labelEl = (
    <label class={`nhsuk-label${labelAsHeading ? " nhsuk-label--l" : ""}`} for={id}>
      {label}
    </label>
  );
  return (
    <div class={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      {labelAsHeading ? <h1 class="nhsuk-label-wrapper">{labelEl}</h1> : labelEl}
      {hint ? (
        <div class="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <span class="nhsuk-error-message" id={`${id}-error`}>
          <span class="nhsuk-u-visually-hidden">Error: </span>
          {error}
        </span>
      ) : null}
      {children}
    </div>
  );
}

export function TextInput({
  name,
  label,
  hint,
  errors,
  value,
  type = "text",
  autocomplete,
  width,
  labelAsHeading,
  inputmode,
  spellcheck,
}: FieldProps & {
  value?: string | undefined;
  type?: "text" | "email" | "url" | "date" | "datetime-local" | "number" | "search" | "time";
  autocomplete?: string;
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
  inputmode?: "numeric" | "email" | "url" | "text";
  spellcheck?: boolean;
}) {
  const id = fieldId(name);
  const error = errors?.[name];
  const cls = ["nhsuk-input", error ? "nhsuk-input--error" : "", width ? `nhsuk-input--width-${width}` : ""].filter(Boolean).join(" ");
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} labelAsHeading={labelAsHeading}>
      <input
        class={cls}
        id={id}
        name={name}
        // Preact types each input type separately; the union is valid HTML.
        {...({ type } as { type: "text" })}
        value={value ?? ""}
        autocomplete={autocomplete}
        inputMode={inputmode}
        spellcheck={spellcheck}
        aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
      />
    </FieldShell>
  );
}

export function Textarea({
  name,
  label,
  hint,
  errors,
  value,
  rows = 5,
  labelAsHeading,
}: FieldProps & { value?: string | undefined; rows?: number }) {
  const id = fieldId(name);
  const error = errors?.[name];
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} labelAsHeading={labelAsHeading}>
      <textarea
        class={`nhsuk-textarea${error ? " nhsuk-textarea--error" : ""}`}
        id={id}
        name={name}
        rows={rows}
        aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
      >
        {value ?? ""}
      </textarea>
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

export function Select({
  name,
  label,
  hint,
  errors,
  value,
  options,
  placeholder,
}: FieldProps & { value?: string | undefined; options: Option[]; placeholder?: string }) {
  const id = fieldId(name);
  const error = errors?.[name];
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <select
        class={`nhsuk-select${error ? " nhsuk-select--error" : ""}`}
        id={id}
        name={name}
        aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function Radios({
  name,
  legend,
  hint,
  errors,
  value,
  options,
  small,
}: {
  name: string;
  legend: string;
  hint?: string;
  errors?: FieldErrors;
  value?: string | undefined;
  options: Option[];
  small?: boolean;
}) {
  const id = fieldId(name);
  const error = errors?.[name];
  return (
    <div class={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <fieldset class="nhsuk-fieldset" aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}>
        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div class="nhsuk-hint" id={`${id}-hint`}>
            {hint}
          </div>
        ) : null}
        {error ? (
          <span class="nhsuk-error-message" id={`${id}-error`}>
            <span class="nhsuk-u-visually-hidden">Error: </span>
            {error}
          </span>
        ) : null}
        <div class={`nhsuk-radios${small ? " nhsuk-radios--small" : ""}`} data-module="nhsuk-radios">
          {options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${i + 1}`;
            return (
              <div class="nhsuk-radios__item" key={o.value}>
                <input
                  class="nhsuk-radios__input"
                  id={optionId}
                  name={name}
                  type="radio"
                  value={o.value}
                  checked={o.value === value}
                  aria-describedby={o.hint ? `${optionId}-item-hint` : undefined}
                />
                <label class="nhsuk-label nhsuk-radios__label" for={optionId}>
                  {o.label}
                </label>
                {o.hint ? (
                  <div class="nhsuk-hint nhsuk-radios__hint" id={`${optionId}-item-hint`}>
                    {o.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Checkbox({
  name,
  label,
  hint,
  errors,
  checked,
  value = "yes",
}: {
  name: string;
  label: string;
  hint?: string;
  errors?: FieldErrors;
  checked?: boolean;
  value?: string;
}) {
  const id = fieldId(name);
  const error = errors?.[name];
  return (
    <div class={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      {error ? (
        <span class="nhsuk-error-message" id={`${id}-error`}>
          <span class="nhsuk-u-visually-hidden">Error: </span>
          {error}
        </span>
      ) : null}
      <div class="nhsuk-checkboxes" data-module="nhsuk-checkboxes">
        <div class="nhsuk-checkboxes__item">
          <input
            class="nhsuk-checkboxes__input"
            id={id}
            name={name}
            type="checkbox"
            value={value}
            checked={checked}
            aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
          />
          <label class="nhsuk-label nhsuk-checkboxes__label" for={id}>
            {label}
          </label>
          {hint ? (
            <div class="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-hint`}>
              {hint}
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
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

export type TagColour = "white" | "grey" | "green" | "aqua-green" | "blue" | "purple" | "pink" | "red" | "orange" | "yellow";

export function Tag({ children, colour }: { children: ComponentChildren; colour?: TagColour }) {
  return <strong class={`nhsuk-tag${colour ? ` nhsuk-tag--${colour}` : ""}`}>{children}</strong>;
}

export function SummaryList({ rows }: { rows: { key: string; value: ComponentChildren }[] }) {
  return (
    <dl class="nhsuk-summary-list">
      {rows.map((r) => (
        <div class="nhsuk-summary-list__row" key={r.key}>
          <dt class="nhsuk-summary-list__key">{r.key}</dt>
          <dd class="nhsuk-summary-list__value">{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Table({
  caption,
  head,
  rows,
  responsive = true,
}: {
  caption: string;
  head: string[];
  rows: ComponentChildren[][];
  responsive?: boolean;
}) {
  return (
    <table class={responsive ? "nhsuk-table-responsive" : "nhsuk-table"}>
      <caption class="nhsuk-table__caption">{caption}</caption>
      <thead class="nhsuk-table__head">
        <tr>
          {head.map((h) => (
            <th scope="col" key={h}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="nhsuk-table__body">
        {rows.map((cells, i) => (
          <tr class="nhsuk-table__row" key={i}>
            {cells.map((cell, j) => (
              <td class="nhsuk-table__cell" key={j}>
                {responsive ? (
                  <span class="nhsuk-table-responsive__heading" aria-hidden="true">
                    {head[j]}{" "}
                  </span>
                ) : null}
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Pagination({ previous, next }: { previous?: string | null; next?: string | null }) {
  if (!previous && !next) return null;
  return (
    <nav class="nhsuk-pagination" role="navigation" aria-label="Pagination">
      <ul class="nhsuk-list nhsuk-pagination__list">
        {previous ? (
          <li class="nhsuk-pagination-item--previous">
            <a class="nhsuk-pagination__link nhsuk-pagination__link--prev" href={previous} rel="prev">
              <span class="nhsuk-pagination__title">
                Previous<span class="nhsuk-u-visually-hidden"> page</span>
              </span>
            </a>
          </li>
        ) : null}
        {next ? (
          <li class="nhsuk-pagination-item--next">
            <a class="nhsuk-pagination__link nhsuk-pagination__link--next" href={next} rel="next">
              <span class="nhsuk-pagination__title">
                Next<span class="nhsuk-u-visually-hidden"> page</span>
              </span>
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export function NotificationBanner({
  title = "Important",
  success,
  children,
}: {
  title?: string;
  success?: boolean;
  children: ComponentChildren;
}) {
  return (
    <div
      class={`nhsuk-notification-banner${success ? " nhsuk-notification-banner--success" : ""}`}
      data-module="nhsuk-notification-banner"
      role={success ? "alert" : "region"}
      aria-labelledby="nhsuk-notification-banner-title"
    >
      <div class="nhsuk-notification-banner__header">
        <h2 class="nhsuk-notification-banner__title" id="nhsuk-notification-banner-title">
          {success ? "Success" : title}
        </h2>
      </div>
      <div class="nhsuk-notification-banner__content">{children}</div>
    </div>
  );
}

export function InsetText({ children }: { children: ComponentChildren }) {
  return (
    <div class="nhsuk-inset-text">
      <span class="nhsuk-u-visually-hidden">Information: </span>
      {children}
    </div>
  );
}

export function WarningCallout({ heading, children }: { heading: string; children: ComponentChildren }) {
  return (
    <div class="nhsuk-warning-callout">
      <h3 class="nhsuk-warning-callout__label">
        <span class="nhsuk-u-visually-hidden">Important: </span>
        {heading}
      </h3>
      {children}
    </div>
  );
}

export function BackLink({ href, children = "Back" }: { href: string; children?: ComponentChildren }) {
  return (
    <div class="nhsuk-back-link">
      <a class="nhsuk-back-link__link" href={href}>
        {children}
      </a>
    </div>
  );
}

/** Plain text split into paragraphs at blank lines, each trimmed, empty ones dropped. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Plain text with blank-line paragraphs, rendered as <p> elements (never as HTML). */
export function Paragraphs({ text }: { text: string | null | undefined }): JSX.Element | null {
  if (!text) return null;
  const paragraphs = paragraphsOf(text);
  return (
    <>
      {paragraphs.map((p, i) => (
        <p key={i}>
          {p.split(/\r?\n/).map((line, j, all) => (
            <>
              {line}
              {j < all.length - 1 ? <br /> : null}
            </>
          ))}
        </p>
      ))}
    </>
  );
}
