// What the person tracks, soonest deadline first, in words and colour ("closes in 3 days").
import type { AlertsResponse } from "#shared/schemas/watches";
import { describeDeadline, urgencyOf } from "@/utils/deadlines";

interface Props {
  alerts: AlertsResponse | null;
  now: Date;
  refreshing: boolean;
  onRefresh: () => void;
}

const timeFormat = new Intl.DateTimeFormat("en-GB", { hour: "numeric", minute: "2-digit", timeZone: "Europe/London" });

export function TrackedList({ alerts, now, refreshing, onRefresh }: Props) {
  const items = alerts?.items ?? [];
  return (
    <section aria-labelledby="tracked-heading">
      <h2 id="tracked-heading">Deadlines you are watching</h2>
      {items.length === 0 ? (
        <p>{alerts ? "Nothing you watch has a deadline coming up." : "Your deadlines will show here once the server has been reached."}</p>
      ) : (
        <ul class="tracked">
          {items.map((item) => {
            const urgency = urgencyOf(item.deadlineAt, now);
            return (
              <li key={item.key} class={`deadline ${urgency}`}>
                <a href={item.url ?? item.webUrl} target="_blank" rel="noreferrer">
                  {item.title}
                </a>
                <span class="when">{describeDeadline(item.deadlineKind, item.deadlineAt, now)}</span>
                {item.url ? (
                  <a class="details" href={item.webUrl} target="_blank" rel="noreferrer">
                    Details<span class="visually-hidden"> of {item.title}</span> on the tracker
                  </a>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <p class="hint">
        {alerts ? `Last checked at ${timeFormat.format(new Date(alerts.generatedAt))}. ` : ""}
        <button type="button" class="link" onClick={onRefresh} disabled={refreshing}>
          {refreshing ? "Checking…" : "Check now"}
        </button>
      </p>
    </section>
  );
}
