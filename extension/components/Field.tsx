// Form fields with their label, hint and error joined up for screen readers.
import type { ComponentChildren } from "preact";

interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  children: ComponentChildren;
}

/** The wrapper: label, hint, error (announced with the field through aria-describedby). */
export function Field({ id, label, error, hint, children }: FieldProps) {
  return (
    <div class={error ? "field field-error" : "field"}>
      <label for={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} class="error-message">
          <span class="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

/** The aria attributes a control needs to point at its hint and error. */
export function describedBy(id: string, error: string | undefined, hint?: string) {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return { id, "aria-describedby": ids || undefined, "aria-invalid": error ? ("true" as const) : undefined };
}

interface Option {
  value: string | number;
  label: string;
}

export function SelectField(
  props: Omit<FieldProps, "children"> & {
    value: string | number | null;
    options: readonly Option[];
    empty: string;
    onChange: (value: string) => void;
  },
) {
  const { id, error, hint, value, options, empty, onChange } = props;
  return (
    <Field {...props}>
      <select {...describedBy(id, error, hint)} value={value ?? ""} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{empty}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function TextField(
  props: Omit<FieldProps, "children"> & {
    value: string;
    type?: "text" | "date" | "time" | "url";
    multiline?: boolean;
    onInput: (value: string) => void;
  },
) {
  const { id, error, hint, value, type, multiline, onInput } = props;
  const common = {
    ...describedBy(id, error, hint),
    value,
    onInput: (e: { currentTarget: { value: string } }) => onInput(e.currentTarget.value),
  };
  return <Field {...props}>{multiline ? <textarea {...common} /> : <input type={(type ?? "text") as "text"} {...common} />}</Field>;
}
