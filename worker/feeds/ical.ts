// iCalendar feeds of deadlines that Outlook, Google and Apple calendars can subscribe to.
import ICAL from "ical.js";
import type { CalendarDate } from "../../shared/time";

/** The Europe/London zone rules (GMT/BST since 1996), so timed events carry TZID=Europe/London. */
const LONDON_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/London",
  "X-LIC-LOCATION:Europe/London",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0000",
  "TZOFFSETTO:+0100",
  "TZNAME:BST",
  "DTSTART:19700329T010000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0000",
  "TZNAME:GMT",
  "DTSTART:19701025T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");

export interface CalendarEntry {
  /** Stable across refreshes, e.g. "petition-12-response@tracker", so calendars update rather than duplicate. */
  uid: string;
  title: string;
  description?: string;
  /** Link to the record on the tracker. */
  url?: string;
  /** A due date (all-day, "by the end of the day") or an exact instant (e.g. "closes at 11:59pm"). */
  when: { date: CalendarDate } | { instant: string };
}

/**
 * Text for a calendar property. ical.js escapes \n , ; and \ but passes a bare carriage return (and
 * other control characters) through, which some calendar programs read as a line break: a title
 * could then end the event and start properties of its own. Line breaks become \n; other
 * control characters (RFC 5545 allows none in TEXT but tab) are dropped.
 */
export function calendarText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return text.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
}

export function buildCalendar(name: string, entries: CalendarEntry[], now: Date = new Date()): string {
  const calendar = new ICAL.Component(["vcalendar", [], []]);
  calendar.updatePropertyWithValue("prodid", "-//Health involvement tracker//Deadlines//EN");
  calendar.updatePropertyWithValue("version", "2.0");
  calendar.updatePropertyWithValue("calscale", "GREGORIAN");
  calendar.updatePropertyWithValue("method", "PUBLISH");
  calendar.updatePropertyWithValue("x-wr-calname", calendarText(name));
  calendar.updatePropertyWithValue("x-wr-timezone", "Europe/London");
  // Calendar programs poll subscriptions; ask for hourly.
  calendar.updatePropertyWithValue("refresh-interval", ICAL.Duration.fromString("PT1H"));
  calendar.updatePropertyWithValue("x-published-ttl", "PT1H");
  const zoneComponent = new ICAL.Component(ICAL.parse(LONDON_VTIMEZONE));
  calendar.addSubcomponent(zoneComponent);
  const london = new ICAL.Timezone(zoneComponent);
  const stamp = ICAL.Time.fromJSDate(now, true);
  for (const e of entries) {
    const event = new ICAL.Event(new ICAL.Component("vevent"));
    event.uid = e.uid;
    event.summary = calendarText(e.title);
    if (e.description) event.description = calendarText(e.description);
    event.component.updatePropertyWithValue("dtstamp", stamp);
    if (e.url) event.component.updatePropertyWithValue("url", e.url);
    if ("date" in e.when) {
      // All-day: the date is the same wherever the reader is.
      event.startDate = ICAL.Time.fromDateString(e.when.date);
    } else {
      const at = ICAL.Time.fromJSDate(new Date(e.when.instant), true).convertToZone(london);
      event.startDate = at;
      event.endDate = at.clone();
    }
    calendar.addSubcomponent(event.component);
  }
  return calendar.toString();
}

export function calendarResponse(name: string, filename: string, entries: CalendarEntry[], now?: Date): Response {
  return new Response(buildCalendar(name, entries, now), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `inline; filename="${filename}.ics"`,
      "Cache-Control": "private, max-age=300",
    },
  });
}
