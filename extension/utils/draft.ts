// From a tab to the clip form: read the page in the tab (the extraction runs there, on the live DOM),
// then turn what it says into the form's starting values, choosing the person's area and the
// organisation whose name best matches the page's. No zod here: the popup imports this, and the
// checks against the server's schemas (clip.ts) run in the background service worker.
import type { Area, Organisation } from "#shared/schemas/areas";
import type { Me } from "#shared/schemas/auth";
import type { CommissioningStage, EngagementMethod } from "#shared/consultations/machine";
import type { Extracted } from "#shared/extraction/index";
import { londonClock } from "#shared/extraction/dates";
import type { Clip } from "./outbox";
import { matchOrganisation } from "#shared/extraction/organisation";

/** The form as the person edits it: dates and times in London, as typed. */
export interface Draft {
  clientId?: string;
  url: string;
  title: string;
  summary: string;
  areaId: number | null;
  organisationId: number | null;
  opensDate: string;
  opensTime: string;
  closesDate: string;
  closesTime: string;
  stage: CommissioningStage | "";
  method: EngagementMethod | "";
}

export type DraftErrors = Partial<Record<keyof Draft, string>>;

/** Runs the extraction script in the tab (permitted by the click on the button or menu: activeTab). */
export async function extractFromTab(tabId: number): Promise<Extracted> {
  const [injection] = await browser.scripting.executeScript({ target: { tabId }, files: ["/extract.js"] });
  const extracted = injection?.result as Extracted | undefined;
  if (!extracted) throw new Error("The page could not be read.");
  return extracted;
}

/** The area to clip into: the person's own (their first membership's), or the only one there is. */
export function defaultArea(me: Me, areas: readonly Area[]): Area | null {
  const own = me.memberships.map((m) => areas.find((a) => a.id === m.areaId)).find(Boolean);
  return own ?? (areas.length === 1 ? areas[0]! : null);
}

function londonParts(instant: string | null): { date: string; time: string } {
  return instant ? londonClock(new Date(instant)) : { date: "", time: "" };
}

export function draftFromExtracted(extracted: Extracted, me: Me, areas: readonly Area[]): Draft {
  const area = defaultArea(me, areas);
  const opens = londonParts(extracted.opensAt);
  const closes = londonParts(extracted.closesAt);
  return {
    url: extracted.url,
    title: extracted.title ?? "",
    summary: extracted.summary ?? "",
    areaId: area?.id ?? null,
    organisationId: matchOrganisation(extracted.organisation, extracted.url, area?.organisations ?? [])?.id ?? null,
    opensDate: opens.date,
    opensTime: opens.time,
    closesDate: closes.date,
    closesTime: closes.time,
    stage: "",
    method: "",
  };
}

/** The API's field names mapped onto the form's, so the server's message shows beside the right field. */
export function draftErrorsFromServer(fields: Record<string, string> | undefined): DraftErrors {
  const map: Record<string, keyof Draft> = { opensAt: "opensDate", closesAt: "closesDate" };
  return Object.fromEntries(Object.entries(fields ?? {}).map(([field, message]) => [map[field] ?? field, message])) as DraftErrors;
}

/** A queued clip back as a draft (to correct a refused one, or show a waiting one). */
export function draftFromClip(clip: Clip): Draft {
  const opens = londonParts(clip.opensAt);
  const closes = londonParts(clip.closesAt);
  return {
    clientId: clip.clientId,
    url: clip.url ?? "",
    title: clip.title,
    summary: clip.summary,
    areaId: clip.areaId,
    organisationId: clip.organisationId,
    opensDate: opens.date,
    opensTime: opens.time,
    closesDate: closes.date,
    closesTime: closes.time,
    stage: clip.stage ?? "",
    method: clip.method ?? "",
  };
}
