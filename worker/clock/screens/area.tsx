// A whole area's clock, for its clerks and administrators: every open request and consultation, and its CSV.
import { Hono } from "hono";
import type { Clock } from "../../../shared/schemas/clock";
import { formatLondonDateTime, londonDate } from "../../../shared/time";
import { authorize } from "../../auth/middleware";
import { type Deps, depsOf } from "../../platform/deps";
import type { AppEnv } from "../../platform/env";
import { InsetText } from "../../web/components";
import { Layout } from "../../web/layout";
import { type PageContext, pageContext, renderPage } from "../../web/render";
import { ClockTable, Counts } from "../components";
import { clockCsv } from "../feeds";
import { type ClockArea, clockArea, clockFor } from "../queries";

export interface AreaClockView {
  page: PageContext;
  area: ClockArea;
  clock: Clock;
}

/** Everything open in the area (no organisation of its own). */
export function loadAreaClock(deps: Deps, area: ClockArea): Promise<Clock> {
  return clockFor(deps, { organisationId: null, areaId: area.id, name: area.name });
}

export function AreaClockPage({ page, area, clock }: AreaClockView) {
  return (
    <Layout ctx={page} title={`Area clock: ${area.name}`}>
      <span class="nhsuk-caption-l">Area clock</span>
      <h1>Everything in {area.name}</h1>
      <p>Every open request and consultation in the area, soonest due first. Updated {formatLondonDateTime(page.now)}.</p>
      <Counts clock={clock} />
      <ClockTable clock={clock} now={page.now} />
      <p>
        <a href={`/clock/areas/${area.slug}/csv`} download>
          Download as a spreadsheet (CSV)<span class="nhsuk-u-visually-hidden"> for {area.name}</span>
        </a>
      </p>
      <InsetText>
        <p>Calendar feeds are made for each organisation, from its own clock page.</p>
      </InsetText>
    </Layout>
  );
}

const mayViewClock = authorize("organisation.view_clock", clockArea);

export const areaClockScreen = new Hono<AppEnv>()
  .get("/clock/areas/:slug", mayViewClock, async (c) => {
    const clock = await loadAreaClock(depsOf(c), c.var.record);
    return renderPage(c, <AreaClockPage page={await pageContext(c)} area={c.var.record} clock={clock} />);
  })
  .get("/clock/areas/:slug/csv", mayViewClock, async (c) => {
    const deps = depsOf(c);
    const area = c.var.record;
    return clockCsv(await loadAreaClock(deps, area), `clock-${area.slug}-${londonDate(deps.now)}`);
  });
