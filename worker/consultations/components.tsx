// Pieces the consultation screens share: the table of consultations, the fields of the add and edit
// forms, and how a service's field errors come back to a form.
import { commissioningStages, engagementMethods } from "../../shared/consultations/machine";
import { consultationStatus, isOutcomeOverdue } from "../../shared/consultations/rules";
import { AppError } from "../platform/errors";
import { type FieldErrors, type FormValues, Select, Table, Textarea, TextInput } from "../web/components";
import { Closing, ConsultationStatusTag, outcomeOverdueText } from "../web/deadlines";
import type { ConsultationRow } from "./queries";

export function ConsultationTable({ caption, rows, now }: { caption: string; rows: ConsultationRow[]; now: Date }) {
  return (
    <Table
      caption={caption}
      head={["Consultation", "Status", "Dates"]}
      rows={rows.map((r) => {
        const overdue = isOutcomeOverdue(r, now, r.outcome_overdue_weeks);
        return [
          <>
            <a href={`/consultations/${r.id}`}>{r.title}</a>
            <br />
            <span class="nhsuk-body-s app-muted">{r.organisation_name}</span>
          </>,
          <ConsultationStatusTag status={consultationStatus(r, now)} outcomeOverdue={overdue} />,
          <>
            <Closing closesAt={r.closes_at} now={now} />
            {overdue && r.closes_at ? (
              <>
                <br />
                <strong>{outcomeOverdueText(r.closes_at, now)}</strong>
              </>
            ) : null}
          </>,
        ];
      })}
    />
  );
}

const stageOptions = Object.entries(commissioningStages).map(([value, label]) => ({ value, label }));
const methodOptions = Object.entries(engagementMethods).map(([value, label]) => ({ value, label }));

interface FieldsProps {
  errors: FieldErrors;
  values: FormValues;
}

/** Opening and closing, as dates and London times. */
function DateFields({ errors, values }: FieldsProps) {
  return (
    <>
      <TextInput
        name="opensDate"
        label="Opening date (optional)"
        hint="For example, 2026-03-01. Leave empty if it is already open."
        type="date"
        errors={errors}
        value={values.opensDate}
      />
      <TextInput
        name="opensTime"
        label="Opening time (optional)"
        hint="London time, for example 09:00. If you leave it empty, it opens at the start of the day."
        type="time"
        width={5}
        errors={errors}
        value={values.opensTime}
      />
      <TextInput
        name="closesDate"
        label="Closing date (optional)"
        hint="Leave empty if it has no closing date."
        type="date"
        errors={errors}
        value={values.closesDate}
      />
      <TextInput
        name="closesTime"
        label="Closing time (optional)"
        hint="London time. If you leave it empty, it closes at 11:59pm."
        type="time"
        width={5}
        errors={errors}
        value={values.closesTime}
      />
    </>
  );
}

/** The fields of the add and edit forms; only adding chooses who runs it (null: keep the organisation it has). */
export function ConsultationFields({
  errors,
  values,
  organisations,
}: FieldsProps & { organisations: { id: number; name: string }[] | null }) {
  return (
    <>
      {organisations ? (
        <Select
          name="organisationId"
          label="Who runs it"
          placeholder="Choose an organisation"
          options={organisations.map((o) => ({ value: String(o.id), label: o.name }))}
          errors={errors}
          value={values.organisationId}
        />
      ) : (
        <input type="hidden" name="organisationId" value={values.organisationId} />
      )}
      <TextInput name="title" label="Title" errors={errors} value={values.title} />
      <TextInput
        name="url"
        label="Web address of the consultation (optional)"
        hint="Where people can read it and take part. We save each address once per area."
        type="url"
        spellcheck={false}
        errors={errors}
        value={values.url}
      />
      <Textarea
        name="summary"
        label="Summary (optional)"
        hint="In a few sentences: what it is about and who should take part."
        errors={errors}
        value={values.summary}
      />
      <DateFields errors={errors} values={values} />
      <Select
        name="stage"
        label="Commissioning stage (optional)"
        placeholder="Not known"
        options={stageOptions}
        errors={errors}
        value={values.stage}
      />
      <Select
        name="method"
        label="How people take part (optional)"
        placeholder="Not known"
        options={methodOptions}
        errors={errors}
        value={values.method}
      />
    </>
  );
}

/** A form's parsed data as form values again (empty for none), to show it back with a service's errors. */
export function formValuesOf(data: Record<string, unknown>): FormValues {
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v === null || v === undefined ? "" : String(v)]));
}

/** The API names instants (opensAt); the form has dates (opensDate). */
function renameFields(fields: Record<string, string>): FieldErrors {
  const names: Record<string, string> = { opensAt: "opensDate", closesAt: "closesDate" };
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [names[k] ?? k, v]));
}

/** Service errors about one field show on the form; others become the error page. */
export async function orFormErrors(
  run: () => Promise<Response>,
  show: (errors: FieldErrors) => Response | Promise<Response>,
): Promise<Response> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError && err.fields) return show(renameFields(err.fields));
    throw err;
  }
}
