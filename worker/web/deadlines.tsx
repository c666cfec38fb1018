// Page pieces shared by consultations, requests and the clock: status tags, deadlines in words, link fields, watch buttons.
import type { ConsultationStatus } from "../../shared/consultations/status";
import { consultationStatusLabels, describeClosing } from "../../shared/consultations/status";
import { describeDue } from "../../shared/obligations/rules";
import type { ObligationStatus } from "../../shared/schemas/obligations";
import { FORM_LINK_ROWS, type Link } from "../../shared/schemas/obligations";
import { formatLondonDate, formatLondonDateTime } from "../../shared/time";
import { Button, Form, Tag, TextInput, type FieldErrors, type FormValues, type TagColour } from "./components";

const consultationColours: Record<ConsultationStatus, TagColour> = {
  upcoming: "grey",
  open: "green",
  closing_soon: "orange",
  closed: "white",
  outcome_published: "blue",
  withdrawn: "grey",
};

export function ConsultationStatusTag({ status, outcomeOverdue }: { status: ConsultationStatus; outcomeOverdue?: boolean }) {
  return (
    <>
      <Tag colour={consultationColours[status]}>{consultationStatusLabels[status]}</Tag>
      {outcomeOverdue ? (
        <>
          {" "}
          <Tag colour="red">Outcome overdue</Tag>
        </>
      ) : null}
    </>
  );
}

const obligationTags: Record<ObligationStatus, [string, TagColour]> = {
  open: ["Waiting for a reply", "blue"],
  overdue: ["Overdue", "red"],
  met: ["Answered", "green"],
  withdrawn: ["Withdrawn", "grey"],
};

export function ObligationStatusTag({ status, metLate }: { status: ObligationStatus; metLate?: boolean | null }) {
  if (status === "met" && metLate) return <Tag colour="orange">Answered late</Tag>;
  const [label, colour] = obligationTags[status];
  return <Tag colour={colour}>{label}</Tag>;
}

/** "Closes 12 March 2026 at 11:59pm (in 3 days)" */
export function Closing({ closesAt, now }: { closesAt: string | null; now: Date }) {
  if (!closesAt) return <>No closing date</>;
  const words = describeClosing(closesAt, now);
  return (
    <>
      {Date.parse(closesAt) > now.getTime() ? "Closes" : "Closed"} {formatLondonDateTime(closesAt)} <span class="app-muted">({words})</span>
    </>
  );
}

/** "By the end of Friday 12 March 2026 (due in 3 days)" */
export function Due({ dueAt, now, open = true }: { dueAt: string; now: Date; open?: boolean }) {
  return (
    <>
      By the end of {formatLondonDate(dueAt)}
      {open ? <span class="app-muted"> ({describeDue(dueAt, now)})</span> : null}
    </>
  );
}

/** "Outcome overdue: closed 14 weeks ago, no outcome published" */
export function outcomeOverdueText(closesAt: string, now: Date): string {
  const weeks = Math.floor((now.getTime() - Date.parse(closesAt)) / (7 * 86_400_000));
  return `Outcome overdue: closed ${weeks === 1 ? "1 week" : `${weeks} weeks`} ago, no outcome published`;
}

export function LinkList({ links }: { links: Link[] }) {
  if (links.length === 0) return null;
  return (
    <ul class="nhsuk-list nhsuk-list--bullet">
      {links.map((l, i) => (
        <li key={i}>
          <a href={l.url} rel="noopener noreferrer">
            {l.title}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Up to FORM_LINK_ROWS pairs of title and address: documents "attached" as links. */
export function LinkFields({ errors, values }: { errors: FieldErrors; values: FormValues }) {
  return (
    <fieldset class="nhsuk-fieldset">
      <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Links to documents (optional)</legend>
      <div class="nhsuk-hint">
        For example, a report or a letter saved on a website or shared drive. Give each a title people will recognise.
      </div>
      {Array.from({ length: FORM_LINK_ROWS }, (_, i) => (
        <div class="app-link-row" key={i}>
          <TextInput
            name={`links.${i}.title`}
            label={`Link ${i + 1}: title`}
            errors={errors}
            value={values[`links.${i}.title`]}
            width={20}
          />
          <TextInput
            name={`links.${i}.url`}
            label={`Link ${i + 1}: web address`}
            type="url"
            spellcheck={false}
            errors={errors}
            value={values[`links.${i}.url`]}
          />
        </div>
      ))}
    </fieldset>
  );
}

export function WatchForm({ action, watching, csrf, what }: { action: string; watching: boolean; csrf: string; what: string }) {
  return (
    <Form action={`${action}/${watching ? "unwatch" : "watch"}`} csrf={csrf}>
      <Button variant="secondary">{watching ? `Stop watching this ${what}` : `Watch this ${what}`}</Button>
    </Form>
  );
}
