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

const IGNORED_WORDS = new Set(["the", "and", "of", "for", "foundation", "uk", "gov"]);
/** A match must score this much (Dice's coefficient over the names' words)… */
const MATCH_SCORE = 0.5;
/** …and beat the runner-up by this much; otherwise the person chooses. */
const MATCH_MARGIN = 0.15;

function significantWords(name: string): Set<string> {
  return new Set(
    name
      .toLowerCase()
      .replace(/[^a-z0-9\s]/g, " ")
      .split(/\s+/)
      .filter((w) => w.length > 1 && !IGNORED_WORDS.has(w)),
  );
}

/** The organisation whose name clearly shares most words with `name`, or null when none or several fit. */
export function bestOrganisation(name: string | null, organisations: readonly Organisation[]): Organisation | null {
  if (!name) return null;
  const wanted = significantWords(name);
  const scored = organisations
    .map((organisation) => {
      const words = significantWords(organisation.name);
      const shared = [...words].filter((w) => wanted.has(w)).length;
      return { organisation, score: (2 * shared) / (words.size + wanted.size) };
    })
    .sort((a, b) => b.score - a.score);
  const [best, runnerUp] = scored;
  if (!best || best.score < MATCH_SCORE || (runnerUp && best.score - runnerUp.score < MATCH_MARGIN)) return null;
  return best.organisation;
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
    organisationId: bestOrganisation(extracted.organisation, area?.organisations ?? [])?.id ?? null,
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
