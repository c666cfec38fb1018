// An organisation's clock: everything open it owes or is owed by due date, with counts, a CSV
// download, and calendar addresses to subscribe to (made and stopped from this page).
import { Hono } from "hono";
import { permissions } from "../../../shared/permissions";
import { type Clock, FeedScope } from "../../../shared/schemas/clock";
import { formatLondonDateTime, londonDate } from "../../../shared/time";
import { authorize } from "../../auth/middleware";
import type { Actor } from "../../platform/actor";
import { type Deps, depsOf } from "../../platform/deps";
import type { AppEnv } from "../../platform/env";
import { notFound } from "../../platform/errors";
import { createFeedToken, type FeedOwner, liveFeeds, revokeFeedToken } from "../../platform/feedTokens";
import { pathId } from "../../platform/pathId";
import { parseForm } from "../../platform/validation";
import { Button, Form, Table } from "../../web/components";
import { Layout } from "../../web/layout";
import { type PageContext, pageContext, redirectWithFlash, renderPage } from "../../web/render";
import { ClockTable, Counts } from "../components";
import { clockCsv, feedUrl } from "../feeds";
import { type ClockOrganisation, clockFor, clockOrganisation, scopeOf } from "../queries";

type Owner = "person" | "organisation";

interface LiveFeed {
  id: number;
  created_at: string;
  created_by_name: string;
}

export interface OrganisationClockView {
  page: PageContext;
  organisation: ClockOrganisation;
  clock: Clock;
  personFeeds: LiveFeed[];
  organisationFeeds: LiveFeed[];
  /** The caller's other organisations' clocks, and their area's where their role reaches the whole area. */
  elsewhere: { organisations: { id: number; name: string }[]; area: { slug: string; name: string } | null };
  /** A calendar address just made, shown once. */
  newFeed: { owner: Owner; url: string } | null;
}

export async function loadOrganisationClock(
  deps: Deps,
  actor: Actor,
  organisation: ClockOrganisation,
): Promise<Omit<OrganisationClockView, "page" | "newFeed">> {
  const [clock, personFeeds, organisationFeeds] = await Promise.all([
    clockFor(deps, scopeOf(organisation)),
    liveFeeds(deps.db, { personId: actor.personId }),
    liveFeeds(deps.db, { organisationId: organisation.id }),
  ]);
  const others = actor.memberships.filter((m) => m.organisationId !== organisation.id);
  const areaWide = actor.memberships.find(
    (m) => m.areaId === organisation.area_id && permissions["organisation.view_clock"][m.role] === "area",
  );
  const elsewhere = {
    organisations: others.map((m) => ({ id: m.organisationId, name: m.organisationName })),
    area: areaWide ? { slug: areaWide.areaSlug, name: areaWide.areaName } : null,
  };
  return { organisation, clock, personFeeds, organisationFeeds, elsewhere };
}

function AlsoSee({ organisations, area }: OrganisationClockView["elsewhere"]) {
  if (organisations.length === 0 && !area) return null;
  return (
    <p>
      Also see:{" "}
      {organisations.map((o, i) => (
        <span key={o.id}>
          {i > 0 ? ", " : ""}
          <a href={`/clock/organisations/${o.id}`}>{o.name}</a>
        </span>
      ))}
      {area ? (
        <>
          {organisations.length ? ", " : ""}
          <a href={`/clock/areas/${area.slug}`}>everything in {area.name}</a>
        </>
      ) : null}
      .
    </p>
  );
}

function NewFeedCard({ url }: { url: string }) {
  return (
    <div class="nhsuk-card">
      <div class="nhsuk-card__content">
        <h3 class="nhsuk-card__heading">Your new calendar address</h3>
        <p class="app-feed-url" id="new-feed-url">
          {url}
        </p>
        <p>Copy it now and paste it into your calendar program as a subscription ("add calendar from URL"). We cannot show it again.</p>
      </div>
    </div>
  );
}

interface FeedSectionProps {
  heading: string;
  description: string;
  feeds: LiveFeed[];
  owner: Owner;
  base: string;
  csrf: string;
}

function FeedSection({ heading, description, feeds, owner, base, csrf }: FeedSectionProps) {
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

export function OrganisationClockPage({
  page,
  organisation,
  clock,
  personFeeds,
  organisationFeeds,
  elsewhere,
  newFeed,
}: OrganisationClockView) {
  const { name } = organisation;
  const base = `/clock/organisations/${organisation.id}`;
  return (
    <Layout ctx={page} title={`Area clock: ${name}`}>
      <span class="nhsuk-caption-l">Area clock</span>
      <h1>{name}</h1>
      <p>
        Everything open that {name} owes or is owed, soonest due first. Updated {formatLondonDateTime(page.now)}.
      </p>
      <AlsoSee {...elsewhere} />
      <Counts clock={clock} />
      <ClockTable clock={clock} now={page.now} />
      <p>
        <a href={`${base}/csv`} download>
          Download as a spreadsheet (CSV)<span class="nhsuk-u-visually-hidden"> for {name}</span>
        </a>
      </p>
      <h2 id="calendars">Calendar feeds</h2>
      <p>
        Add deadlines to Outlook, Google or Apple Calendar by subscribing to a calendar address. It updates by itself. Keep the address
        private: anyone with it can see the deadlines. You can stop an address working at any time.
      </p>
      {newFeed ? <NewFeedCard url={newFeed.url} /> : null}
      <FeedSection
        heading="Your own deadlines"
        description="Everything you watch: consultations, petitions and requests."
        feeds={personFeeds}
        owner="person"
        base={base}
        csrf={page.csrf}
      />
      <FeedSection
        heading={`${name}'s deadlines`}
        description="Everything on this clock, for everyone in the organisation."
        feeds={organisationFeeds}
        owner="organisation"
        base={base}
        csrf={page.csrf}
      />
    </Layout>
  );
}

/** Whose feed: the signed-in person's own (what they watch), or the organisation's (its clock). */
function feedOwner(actor: Actor, organisation: ClockOrganisation, owner: Owner): FeedOwner {
  return owner === "person" ? { personId: actor.personId } : { organisationId: organisation.id };
}

const mayViewClock = authorize("organisation.view_clock", clockOrganisation);

export const organisationClockScreen = new Hono<AppEnv>()
  .get("/clock/organisations/:id", mayViewClock, async (c) => {
    const page = await pageContext(c);
    const view = await loadOrganisationClock(depsOf(c), c.var.actor, c.var.record);
    return renderPage(c, <OrganisationClockPage page={page} {...view} newFeed={null} />);
  })
  .get("/clock/organisations/:id/csv", mayViewClock, async (c) => {
    const deps = depsOf(c);
    return clockCsv(await clockFor(deps, scopeOf(c.var.record)), `clock-${londonDate(deps.now)}`);
  })
  .post("/clock/organisations/:id/feeds", mayViewClock, async (c) => {
    const form = await parseForm(c, FeedScope);
    const owner = form.ok ? form.data.scope : "person";
    const { actor, record: organisation } = c.var;
    const deps = depsOf(c);
    const { token } = await createFeedToken(deps, actor, feedOwner(actor, organisation, owner), {
      areaId: owner === "person" ? null : organisation.area_id,
      feed: owner === "person" ? "deadlines watched" : "organisation's deadlines",
    });
    const page = await pageContext(c);
    const view = await loadOrganisationClock(deps, actor, organisation);
    return renderPage(c, <OrganisationClockPage page={page} {...view} newFeed={{ owner, url: feedUrl(deps.publicUrl, token) }} />);
  })
  .post("/clock/organisations/:id/feeds/:feedId{[0-9]+}/revoke", mayViewClock, async (c) => {
    const form = await parseForm(c, FeedScope);
    const owner = form.ok ? form.data.scope : "person";
    const { actor, record: organisation } = c.var;
    const feedId = pathId(c, "feedId");
    const areaId = owner === "person" ? null : organisation.area_id;
    const revoked = feedId !== null && (await revokeFeedToken(depsOf(c), actor, feedId, feedOwner(actor, organisation, owner), areaId));
    if (!revoked) throw notFound("calendar address");
    return redirectWithFlash(
      c,
      `/clock/organisations/${organisation.id}#calendars`,
      "That calendar address no longer works. Calendars subscribed to it will stop updating.",
    );
  });
