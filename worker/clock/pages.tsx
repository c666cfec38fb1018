// The area clock page for each role: everything open that involves my organisation (or, for clerks and
// administrators, my area) by due date, with counts, a CSV download and calendar feeds to subscribe to.
import { Hono, type Context } from "hono";
import { permissions } from "../../shared/permissions";
import { FeedScope, type Clock } from "../../shared/schemas/clock";
import { formatLondonDate, formatLondonDateTime, londonDate } from "../../shared/time";
import { describeDue } from "../../shared/obligations/rules";
import { describeClosing } from "../../shared/consultations/status";
import { authorize, publicAccess, recordOf, signedIn } from "../auth/middleware";
import type { AppEnv } from "../platform/env";
import { notFound } from "../platform/errors";
import { calendarResponse } from "../feeds/ical";
import { csvResponse } from "../feeds/csv";
import { parseForm } from "../platform/validation";
import { Button, Form, InsetText, Table, Tag } from "../web/components";
import { Layout } from "../web/layout";
import { pageContext, redirectWithFlash, renderPage } from "../web/render";
import { calendarForToken, feedUrl } from "./feeds";
import { createFeedToken, type FeedOwner, liveFeeds, revokeFeedToken } from "../platform/feedTokens";
import { depsOf } from "../platform/deps";
import { clockArea, clockFor, clockOrganisation, scopeOf, type ClockOrganisation, type ClockScope } from "./queries";
import { pathId } from "../platform/pathId";

export const clockPages = new Hono<AppEnv>();

clockPages.get("/clock", signedIn, async (c) => {
  const actor = c.var.actor!;
  const first = actor.memberships[0];
  if (first) return c.redirect(`/clock/organisations/${first.organisationId}`, 303);
  const ctx = await pageContext(c);
  return renderPage(
    c,
    <Layout ctx={ctx} title="Area clock">
      <h1>Area clock</h1>
      <p>
        The clock shows what your organisation owes and is owed, and when. You do not hold a role in any organisation yet: ask the
        administrator for your area to add you.
      </p>
    </Layout>,
  );
});

function when(item: Clock["items"][number], now: Date): string {
  if (item.type === "consultation_closes") return describeClosing(item.deadlineAt, now);
  return describeDue(item.deadlineAt, now);
}

function dueWhen(item: Clock["items"][number]): string {
  return item.allDay ? `By the end of ${formatLondonDate(item.deadlineAt)}` : formatLondonDateTime(item.deadlineAt);
}

function ClockTable({ clock, now }: { clock: Clock; now: Date }) {
  if (clock.items.length === 0) return <p>Nothing is open. When a request is raised or a consultation is added, it will show here.</p>;
  const weekAhead = now.getTime() + 7 * 86_400_000;
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
        i.overdue ? (
          <Tag colour="red">Overdue</Tag>
        ) : Date.parse(i.deadlineAt) <= weekAhead ? (
          <Tag colour="orange">Due this week</Tag>
        ) : (
          <Tag colour="blue">Open</Tag>
        ),
      ])}
    />
  );
}

function Counts({ clock }: { clock: Clock }) {
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

interface NewFeed {
  owner: "person" | "organisation";
  url: string;
}

async function renderOrganisationClock<E extends AppEnv>(c: Context<E>, newFeed: NewFeed | null = null) {
  const org = recordOf<ClockOrganisation>(c);
  const ctx = await pageContext(c);
  const actor = ctx.actor!;
  const now = c.var.now;
  const [clock, personFeeds, orgFeeds] = await Promise.all([
    clockFor(c.var.db, scopeOf(org), now, c.env.PUBLIC_URL),
    liveFeeds(c.var.db, { personId: actor.personId }),
    liveFeeds(c.var.db, { organisationId: org.id }),
  ]);
  const others = actor.memberships.filter((m) => m.organisationId !== org.id);
  const areaReach = actor.memberships.find((m) => m.areaId === org.area_id && permissions["organisation.view_clock"][m.role] === "area");
  const base = `/clock/organisations/${org.id}`;
  return renderPage(
    c,
    <Layout ctx={ctx} title={`Area clock: ${org.name}`}>
      <span class="nhsuk-caption-l">Area clock</span>
      <h1>{org.name}</h1>
      <p>
        Everything open that {org.name} owes or is owed, soonest due first. Updated {formatLondonDateTime(now)}.
      </p>
      {others.length || areaReach ? (
        <p>
          Also see:{" "}
          {others.map((m, i) => (
            <span key={m.organisationId}>
              {i > 0 ? ", " : ""}
              <a href={`/clock/organisations/${m.organisationId}`}>{m.organisationName}</a>
            </span>
          ))}
          {areaReach ? (
            <>
              {others.length ? ", " : ""}
              <a href={`/clock/areas/${areaReach.areaSlug}`}>everything in {areaReach.areaName}</a>
            </>
          ) : null}
          .
        </p>
      ) : null}
      <Counts clock={clock} />
      <ClockTable clock={clock} now={now} />
      <p>
        <a href={`${base}/csv`} download>
          Download as a spreadsheet (CSV)<span class="nhsuk-u-visually-hidden"> for {org.name}</span>
        </a>
      </p>
      <h2 id="calendars">Calendar feeds</h2>
      <p>
        Add deadlines to Outlook, Google or Apple Calendar by subscribing to a calendar address. It updates by itself. Keep the address
        private: anyone with it can see the deadlines. You can stop an address working at any time.
      </p>
      {newFeed ? (
        <div class="nhsuk-card">
          <div class="nhsuk-card__content">
            <h3 class="nhsuk-card__heading">Your new calendar address</h3>
            <p class="app-feed-url" id="new-feed-url">
              {newFeed.url}
            </p>
            <p>Copy it now and paste it into your calendar program as a subscription ("add calendar from URL"). We cannot show it again.</p>
          </div>
        </div>
      ) : null}
      <FeedSection
        heading="Your own deadlines"
        description="Everything you watch: consultations, petitions and requests."
        feeds={personFeeds}
        owner="person"
        base={base}
        csrf={ctx.csrf}
      />
      <FeedSection
        heading={`${org.name}'s deadlines`}
        description="Everything on this clock, for everyone in the organisation."
        feeds={orgFeeds}
        owner="organisation"
        base={base}
        csrf={ctx.csrf}
      />
    </Layout>,
  );
}

function FeedSection({
  heading,
  description,
  feeds,
  owner,
  base,
  csrf,
}: {
  heading: string;
  description: string;
  feeds: { id: number; created_at: string; created_by_name: string }[];
  owner: "person" | "organisation";
  base: string;
  csrf: string;
}) {
  return (
    <>
      <h3>{heading}</h3>
      <p>{description}</p>
      {feeds.length ? (
        <Table
          caption={`Calendar addresses for ${heading.toLowerCase()}`}
          head={["Made", "By", ""]}
          rows={feeds.map((f) => [
            formatLondonDateTime(f.created_at),
            f.created_by_name,
            <Form action={`${base}/feeds/${f.id}/revoke`} csrf={csrf} class="app-inline-form">
              <input type="hidden" name="scope" value={owner} />
              <Button variant="secondary" small>
                Stop this address working<span class="nhsuk-u-visually-hidden"> (made {formatLondonDateTime(f.created_at)})</span>
              </Button>
            </Form>,
          ])}
        />
      ) : null}
      <Form action={`${base}/feeds`} csrf={csrf}>
        <input type="hidden" name="scope" value={owner} />
        <Button variant="secondary">
          Get a calendar address<span class="nhsuk-u-visually-hidden"> for {heading.toLowerCase()}</span>
        </Button>
      </Form>
    </>
  );
}

clockPages.get("/clock/organisations/:id", authorize("organisation.view_clock", clockOrganisation), (c) => renderOrganisationClock(c));

function csvOf(clock: Clock, filename: string): Response {
  const rows = clock.items.map((i) => [
    londonDate(i.deadlineAt),
    i.allDay ? "end of day" : formatLondonDateTime(i.deadlineAt),
    i.overdue ? "Overdue" : "Open",
    i.label,
    i.title,
    i.owedBy,
    i.owedTo ?? "",
    i.webUrl,
  ]);
  async function* one() {
    yield rows;
  }
  return csvResponse(filename, ["Due date", "Due time", "Status", "What", "Title", "Who must act", "For", "Link"], one());
}

clockPages.get("/clock/organisations/:id/csv", authorize("organisation.view_clock", clockOrganisation), async (c) => {
  const org = recordOf<ClockOrganisation>(c);
  const clock = await clockFor(c.var.db, scopeOf(org), c.var.now, c.env.PUBLIC_URL);
  return csvOf(clock, `clock-${londonDate(c.var.now)}`);
});

function feedOwner<E extends AppEnv>(c: Context<E>, scope: "person" | "organisation"): FeedOwner {
  return scope === "person" ? { personId: c.var.caller!.personId } : { organisationId: recordOf<ClockOrganisation>(c).id };
}

clockPages.post("/clock/organisations/:id/feeds", authorize("organisation.view_clock", clockOrganisation), async (c) => {
  const form = await parseForm(c, FeedScope);
  const scope = form.ok ? form.data.scope : "person";
  const org = recordOf<ClockOrganisation>(c);
  const { token } = await createFeedToken(depsOf(c), c.var.actor!, feedOwner(c, scope), {
    areaId: scope === "person" ? null : org.area_id,
    feed: scope === "person" ? "deadlines watched" : "organisation's deadlines",
  });
  return renderOrganisationClock(c, { owner: scope, url: feedUrl(c.env.PUBLIC_URL, token) });
});

clockPages.post(
  "/clock/organisations/:id/feeds/:feedId{[0-9]+}/revoke",
  authorize("organisation.view_clock", clockOrganisation),
  async (c) => {
    const form = await parseForm(c, FeedScope);
    const scope = form.ok ? form.data.scope : "person";
    const feedId = pathId(c, "feedId");
    const areaId = scope === "person" ? null : recordOf<ClockOrganisation>(c).area_id;
    const revoked = feedId !== null && (await revokeFeedToken(depsOf(c), c.var.actor!, feedId, feedOwner(c, scope), areaId));
    if (!revoked) throw notFound("calendar address");
    return redirectWithFlash(
      c,
      `/clock/organisations/${recordOf<ClockOrganisation>(c).id}#calendars`,
      "That calendar address no longer works. Calendars subscribed to it will stop updating.",
    );
  },
);

async function areaClock<E extends AppEnv>(c: Context<E>) {
  const area = recordOf<{ id: number; slug: string; name: string }>(c);
  const scope: ClockScope = { organisationId: null, areaId: area.id, name: area.name };
  return { area, clock: await clockFor(c.var.db, scope, c.var.now, c.env.PUBLIC_URL) };
}

clockPages.get("/clock/areas/:slug", authorize("organisation.view_clock", clockArea), async (c) => {
  const { area, clock } = await areaClock(c);
  const ctx = await pageContext(c);
  return renderPage(
    c,
    <Layout ctx={ctx} title={`Area clock: ${area.name}`}>
      <span class="nhsuk-caption-l">Area clock</span>
      <h1>Everything in {area.name}</h1>
      <p>Every open request and consultation in the area, soonest due first. Updated {formatLondonDateTime(c.var.now)}.</p>
      <Counts clock={clock} />
      <ClockTable clock={clock} now={c.var.now} />
      <p>
        <a href={`/clock/areas/${area.slug}/csv`} download>
          Download as a spreadsheet (CSV)<span class="nhsuk-u-visually-hidden"> for {area.name}</span>
        </a>
      </p>
      <InsetText>
        <p>Calendar feeds are made for each organisation, from its own clock page.</p>
      </InsetText>
    </Layout>,
  );
});

clockPages.get("/clock/areas/:slug/csv", authorize("organisation.view_clock", clockArea), async (c) => {
  const { area, clock } = await areaClock(c);
  return csvOf(clock, `clock-${area.slug}-${londonDate(c.var.now)}`);
});

/** The subscribed calendar: the secret token in the address is the only credential. */
clockPages.get("/feeds/calendar/:file{[A-Za-z0-9_-]+\\.ics}", publicAccess, async (c) => {
  const token = c.req.param("file").replace(/\.ics$/, "");
  const calendar = await calendarForToken(c.var.db, token, c.var.now, c.env.PUBLIC_URL);
  if (!calendar) throw notFound("calendar");
  return calendarResponse(calendar.name, calendar.filename, calendar.entries, c.var.now);
});
