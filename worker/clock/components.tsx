// Pieces of the clock pages: the counts, and the table of what is due.
import { describeClosing } from "../../shared/consultations/status";
import { describeDue } from "../../shared/obligations/rules";
import type { Clock, ClockItem } from "../../shared/schemas/clock";
import { formatLondonDate, formatLondonDateTime } from "../../shared/time";
import { Table, Tag } from "../web/components";
import { isDueThisWeek } from "./queries";

/** "closes in 3 days", "due tomorrow", "2 days overdue" */
function when(item: ClockItem, now: Date): string {
  if (item.type === "consultation_closes") return describeClosing(item.deadlineAt, now);
  return describeDue(item.deadlineAt, now);
}

function dueWhen(item: ClockItem): string {
  return item.allDay ? `By the end of ${formatLondonDate(item.deadlineAt)}` : formatLondonDateTime(item.deadlineAt);
}

function ItemStatus({ item, now }: { item: ClockItem; now: Date }) {
  if (item.overdue) return <Tag colour="red">Overdue</Tag>;
  return isDueThisWeek(item, now) ? <Tag colour="orange">Due this week</Tag> : <Tag colour="blue">Open</Tag>;
}

export function ClockTable({ clock, now }: { clock: Clock; now: Date }) {
  if (clock.items.length === 0) return <p>Nothing is open. When a request is raised or a consultation is added, it will show here.</p>;
  return (
    <Table
      caption="Open items, soonest due first"
      head={["Due", "What", "Who must act", "Status"]}
      rows={clock.items.map((i) => [
        <>
          {dueWhen(i)}
          <br />
          <span class="nhsuk-body-s app-muted">{when(i, now)}</span>
        </>,
        <>
          <a href={new URL(i.webUrl).pathname}>{i.title}</a>
          <br />
          <span class="nhsuk-body-s app-muted">{i.label}</span>
        </>,
        i.owedTo ? `${i.owedBy}, for ${i.owedTo}` : i.owedBy,
        <ItemStatus item={i} now={now} />,
      ])}
    />
  );
}

export function Counts({ clock }: { clock: Clock }) {
  const answered = clock.counts.metLate + clock.counts.metOnTime;
  const cards: [string, number, string][] = [
    ["Overdue", clock.counts.overdue, "Past the due date with nothing sent yet"],
    ["Due this week", clock.counts.dueThisWeek, "Due in the next 7 days"],
    ["Answered late", clock.counts.metLate, answered ? `Of ${answered} requests answered so far` : "No requests answered yet"],
  ];
  return (
    <ul class="nhsuk-grid-row nhsuk-card-group">
      {cards.map(([label, n, hint]) => (
        <li class="nhsuk-grid-column-one-third nhsuk-card-group__item" key={label}>
          <div class="nhsuk-card">
            <div class="nhsuk-card__content">
              <h2 class="nhsuk-card__heading nhsuk-heading-s">{label}</h2>
              <p class="app-count">{n}</p>
              <p class="nhsuk-body-s app-muted">{hint}</p>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
