// Shared test data for the extension's unit tests: a signed-in LINk member, areas, server answers.
import { vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { Area } from "#shared/schemas/areas";
import type { Me } from "#shared/schemas/auth";
import type { ConsultationSaved } from "#shared/schemas/consultations";
import type { AlertItem } from "#shared/schemas/watches";
import { apiToken, serverUrl, signedInAs } from "../settings";

export const SERVER = "https://tracker.example";

export const ben: Me = {
  id: 2,
  name: "Ben Okafor",
  email: "volunteer@northshire.example",
  leadTimes: [14, 7, 2, 1, 0],
  dailyDigest: false,
  memberships: [
    {
      organisationId: 3,
      organisationName: "Northshire LINk",
      organisationKind: "link",
      areaId: 1,
      areaName: "Northshire",
      role: "link_member",
    },
  ],
};

const org = (id: number, areaId: number, name: string, kind: Area["organisations"][number]["kind"]) => ({
  id,
  areaId,
  slug: `o${id}`,
  name,
  kind,
  predecessorId: null,
});

export const areas: Area[] = [
  {
    id: 1,
    slug: "northshire",
    name: "Northshire",
    organisations: [
      org(3, 1, "Northshire LINk", "link"),
      org(4, 1, "NHS Northshire (Primary Care Trust)", "pct"),
      org(6, 1, "Northshire Hospitals NHS Trust", "trust"),
      org(7, 1, "Northshire Community Health NHS Foundation Trust", "foundation_trust"),
    ],
  },
  { id: 2, slug: "southvale", name: "Southvale", organisations: [org(9, 2, "Southvale Hospitals NHS Trust", "trust")] },
];

export async function signIn(): Promise<void> {
  await Promise.all([serverUrl.setValue(SERVER), apiToken.setValue("token-1"), signedInAs.setValue(ben)]);
}

export function savedConsultation(over: Partial<ConsultationSaved["consultation"]> = {}): ConsultationSaved {
  return {
    created: true,
    watching: true,
    consultation: {
      id: 41,
      areaId: 1,
      organisationId: 6,
      organisationName: "Northshire Hospitals NHS Trust",
      title: "Birth centre plans",
      url: "https://www.northshire-hospitals.example/have-your-say/?utm_source=x",
      canonicalUrl: "https://northshire-hospitals.example/have-your-say",
      summary: "",
      opensAt: null,
      closesAt: "2026-03-12T23:59:00.000Z",
      stage: null,
      method: null,
      status: "open",
      outcomeOverdue: false,
      outcome: null,
      linkRespondedAt: null,
      outcomeDueAt: null,
      webUrl: `${SERVER}/consultations/41`,
      createdAt: "2026-03-01T00:00:00.000Z",
      updatedAt: "2026-03-01T00:00:00.000Z",
      ...over,
    },
  };
}

export function alertItem(over: Partial<AlertItem> = {}): AlertItem {
  return {
    key: "consultation:41:closes:2026-03-12T23:59:00.000Z",
    watchId: 5,
    targetKind: "consultation",
    targetId: 41,
    title: "Birth centre plans",
    deadlineKind: "closes",
    deadlineAt: "2026-03-12T23:59:00.000Z",
    webUrl: `${SERVER}/consultations/41`,
    url: "https://www.northshire-hospitals.example/have-your-say/",
    leadTimesReached: [],
    ...over,
  };
}

/** A fetch that answers JSON by path (`METHOD /path`), recording every request. */
export function fakeServer(
  routes: Record<string, (body: unknown) => { status: number; body?: unknown } | Promise<{ status: number; body?: unknown }>>,
) {
  const requests: { method: string; path: string; body: unknown; authorization: string | null }[] = [];
  const fetch = vi.fn(async (input: Request | URL | string, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const text = await request.text();
    const body = text ? JSON.parse(text) : undefined;
    const method = request.method;
    requests.push({ method, path: url.pathname + url.search, body, authorization: request.headers.get("Authorization") });
    const route = routes[`${method} ${url.pathname}`];
    if (!route) return new Response(JSON.stringify({ error: { code: "not_found", message: "Not found" } }), { status: 404 });
    const answer = await route(body);
    return new Response(answer.status === 204 ? null : JSON.stringify(answer.body ?? {}), {
      status: answer.status,
      headers: { "Content-Type": "application/json" },
    });
  });
  vi.stubGlobal("fetch", fetch);
  return { fetch, requests };
}

/** The fake toolbar button: `action`, or `browserAction` in the Firefox (MV2) run. */
export function toolbar(): typeof fakeBrowser.action & { setIcon: ReturnType<typeof vi.fn> } {
  const fake = fakeBrowser as unknown as Record<string, typeof fakeBrowser.action | undefined>;
  return (fake.action ?? fake.browserAction) as typeof fakeBrowser.action & { setIcon: ReturnType<typeof vi.fn> };
}
