// Form fields in the NHS.UK design system: text, text areas, selects, radios and checkboxes, each with its label, hint and error.
import type { ComponentChildren } from "preact";
import { type FieldErrors, fieldId } from "./forms";

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

/** A field's hint, its id named by the field's aria-describedby. */
function Hint({ id, hint }: { id: string; hint: ComponentChildren }) {
  return hint ? (
    <div class="nhsuk-hint" id={`${id}-hint`}>
      {hint}
    </div>
  ) : null;
}

/** What is wrong with a field, read out before it ("Error: …"). */
function ErrorMessage({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <span class="nhsuk-error-message" id={`${id}-error`}>
      <span class="nhsuk-u-visually-hidden">Error: </span>
      {error}
    </span>
  ) : null;
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
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} error={error} />
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

interface ChoicesProps {
  name: string;
  legend: string;
  hint?: string;
  errors?: FieldErrors;
  options: Option[];
  small?: boolean;
}

/** A fieldset of radios or checkboxes: the first option's id is the field's, so the error summary links to it. */
function Choices({
  kind,
  name,
  legend,
  hint,
  errors,
  options,
  small,
  chosen,
}: ChoicesProps & { kind: "radios" | "checkboxes"; chosen: (value: string) => boolean }) {
  const id = fieldId(name);
  const error = errors?.[name];
  return (
    <div class={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <fieldset class="nhsuk-fieldset" aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}>
        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        <Hint id={id} hint={hint} />
        <ErrorMessage id={id} error={error} />
        <div class={`nhsuk-${kind}${small ? ` nhsuk-${kind}--small` : ""}`} data-module={`nhsuk-${kind}`}>
          {options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${i + 1}`;
            return (
              <div class={`nhsuk-${kind}__item`} key={o.value}>
                <input
                  class={`nhsuk-${kind}__input`}
                  id={optionId}
                  name={name}
                  type={kind === "radios" ? "radio" : "checkbox"}
                  value={o.value}
                  checked={chosen(o.value)}
                  aria-describedby={o.hint ? `${optionId}-item-hint` : undefined}
                />
                <label class={`nhsuk-label nhsuk-${kind}__label`} for={optionId}>
                  {o.label}
                </label>
                {o.hint ? (
                  <div class={`nhsuk-hint nhsuk-${kind}__hint`} id={`${optionId}-item-hint`}>
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

/** One choice of several. */
export function Radios({ value, ...props }: ChoicesProps & { value?: string | undefined }) {
  return <Choices kind="radios" chosen={(v) => v === value} {...props} />;
}

/** Any number of choices, sent as one field with several values. */
export function Checkboxes({ values, ...props }: ChoicesProps & { values: readonly string[] }) {
  return <Choices kind="checkboxes" chosen={(v) => values.includes(v)} {...props} />;
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
      <ErrorMessage id={id} error={error} />
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
