// The people and records the authorization matrix calls every route with: one set in Northshire
// (the callers' own area) and one in Southvale (another area), plus private markers for leak checks.
import { expect } from "vitest";
import { randomToken, sha256 } from "../../worker/platform/crypto";
import { createFeedToken } from "../../worker/platform/feedTokens";
import type { SeedResult } from "../../worker/dev/seed";
import { actorOf, cookiesFrom, csrfIn, db, depsAt, request, seed, sessionFor, tokenFor, type Session } from "./helpers";
import { call, confirmByToken, latestEmailTo, openPetition, startAndConfirm, tokenIn } from "./petitionHelpers";

/** Who calls: nobody; a member of the public who has signed a petition; and Northshire's people in every role. */
export const WHO = ["anonymous", "signer", "link", "clerk", "responder", "otherResponder", "admin"] as const;
export type Who = (typeof WHO)[number];
export type Side = "north" | "south";

/** Text only some people may ever see: a response body containing it for anyone else is a leak. */
export const MARKERS: Record<string, readonly Who[]> = {
  // Southvale's private records: no Northshire person may see them.
  zqsvobligation: [],
  zqsvpending: [],
  "@southvale.example": [],
  // Northshire's obligation between its LINk and the PCT: not the hospital trust, not the public.
  zqnsobligation: ["link", "clerk", "responder", "admin"],
  // A petition waiting to be checked: only those who moderate.
  zqnspending: ["clerk", "admin"],
  // Signers' and petitioners' addresses are never shown.
  "zq.signer@example.org": [],
};

export interface Caller {
  who: Who;
  personId: number | null;
  token: string | null;
  session: Session | null;
}

export interface SideFixture {
  area: number;
  areaSlug: string;
  /** The organisation the responder answers for (the PCT). */
  org: number;
  /** The area's LINk. */
  linkOrg: number;
  petition: number;
  pendingPetition: number;
  consultation: number;
  obligation: number;
  petitionFeedFile: string;
  calendarFile: string;
  adminId: number;
  clerkToken: string;
  adminToken: string;
  /** Records a route consumes (deletes, revokes): made fresh for each call. */
  fresh: {
    membership(): Promise<number>;
    adminToken(): Promise<number>;
    adminWatch(): Promise<number>;
    petitionFeed(): Promise<number>;
    clockFeed(): Promise<number>;
    failedEmail(): Promise<number>;
  };
}

export interface World {
  s: SeedResult;
  callers: Record<Who, Caller>;
  north: SideFixture;
  south: SideFixture;
  /** A session made for one call only (for routes that end the session). */
  freshSession(who: Who): Promise<Session | null>;
}

async function visitorSession(path: string): Promise<Session> {
  const res = await request(path);
  return { personId: 0, cookie: cookiesFrom(res), csrf: csrfIn(await res.text()) };
}

let counter = 0;
const unique = () => {
  counter += 1;
  return `${Date.now().toString(36)}${counter}`;
};

async function side(s: SeedResult, which: Side): Promise<SideFixture> {
  const n = which === "north";
  const area = n ? s.areaIds.northshire! : s.areaIds.southvale!;
  const org = n ? s.organisationIds.pct! : s.organisationIds.sv_pct!;
  const linkOrg = n ? s.organisationIds.link! : s.organisationIds.sv_link!;
  const councilOrg = n ? s.organisationIds.council! : s.organisationIds.sv_council!;
  const adminId = n ? s.personIds.admin! : s.personIds.sv_admin!;
  const [clerkToken, adminToken, linkToken, responderToken] = await Promise.all([
    tokenFor(n ? s.personIds.clerk! : s.personIds.sv_clerk!),
    tokenFor(adminId),
    tokenFor(n ? s.personIds.link! : s.personIds.sv_link!),
    tokenFor(n ? s.personIds.pct! : s.personIds.sv_pct!),
  ]);
  const { petitionId: petition } = await openPetition(org, clerkToken, { title: `Open the ${which} walk-in centre on Sundays` });
  const pendingTitle = n ? "A pending petition zqnspending about minor injuries" : "A pending petition zqsvpending about minor injuries";
  const { petitionId: pendingPetition } = await startAndConfirm(org, {
    title: pendingTitle,
    petitionerEmail: `zq.pet${which}@example.org`,
  });

  const consultation = await call("/consultations", responderToken, {
    body: {
      areaId: area,
      organisationId: org,
      title: `Future of ${which} stroke services`,
      url: `https://${which}.example/consultations/stroke`,
    },
  });
  expect(consultation.status, await consultation.clone().text()).toBe(201);
  const consultationId = ((await consultation.json()) as { consultation: { id: number } }).consultation.id;

  const obligation = await call("/obligations", linkToken, {
    body: {
      kind: "information_request",
      owedByOrganisationId: org,
      owedToOrganisationId: linkOrg,
      title: n ? "Waiting times zqnsobligation" : "Waiting times zqsvobligation",
      body: "How long do people wait for a wheelchair assessment?",
    },
  });
  expect(obligation.status, await obligation.clone().text()).toBe(201);
  const obligationId = ((await obligation.json()) as { obligation: { id: number } }).obligation.id;

  const feed = await call(`/areas/${area}/petition-feeds`, clerkToken, { method: "POST" });
  expect(feed.status).toBe(201);
  const feedUrl = ((await feed.json()) as { url: string }).url;
  const { token: calendarToken } = await createFeedToken(
    depsAt(),
    await actorOf(adminId),
    { organisationId: org },
    { areaId: area, feed: "organisation's deadlines" },
  );

  const now = () => new Date().toISOString();
  return {
    area,
    areaSlug: n ? "northshire" : "southvale",
    org,
    linkOrg,
    petition,
    pendingPetition,
    consultation: consultationId,
    obligation: obligationId,
    petitionFeedFile: new URL(feedUrl).pathname.split("/").pop()!,
    calendarFile: `${calendarToken}.ics`,
    adminId,
    clerkToken,
    adminToken,
    fresh: {
      async membership() {
        const person = await db
          .insertInto("people")
          .values({ email: `member.${unique()}@example.net`, name: "Mo Member", created_at: now() })
          .returning("id")
          .executeTakeFirstOrThrow();
        const m = await db
          .insertInto("memberships")
          .values({ person_id: person.id, organisation_id: councilOrg, role: "link_member", created_at: now() })
          .returning("id")
          .executeTakeFirstOrThrow();
        return m.id;
      },
      async adminToken() {
        const t = await db
          .insertInto("api_tokens")
          .values({ token_hash: await sha256(randomToken()), person_id: adminId, label: "spare", created_at: now(), last_used_at: now() })
          .returning("id")
          .executeTakeFirstOrThrow();
        return t.id;
      },
      async adminWatch() {
        // A person watches a thing once: each fresh watch is of a new consultation.
        const target = await db
          .insertInto("consultations")
          .values({
            area_id: area,
            organisation_id: org,
            title: "Watched consultation",
            url: null,
            canonical_url: null,
            opens_at: null,
            closes_at: null,
            stage: null,
            method: null,
            outcome_said: null,
            outcome_decided: null,
            outcome_changed: null,
            outcome_published_at: null,
            outcome_published_by: null,
            link_responded_at: null,
            created_by: null,
            created_by_organisation_id: null,
            client_id: null,
            created_at: now(),
            updated_at: now(),
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        const w = await db
          .insertInto("watches")
          .values({
            person_id: adminId,
            organisation_id: null,
            target_kind: "consultation",
            target_id: target.id,
            next_alert_at: null,
            created_at: now(),
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        return w.id;
      },
      async petitionFeed() {
        const res = await call(`/areas/${area}/petition-feeds`, clerkToken, { method: "POST" });
        return ((await res.json()) as { id: number }).id;
      },
      async clockFeed() {
        const { id } = await createFeedToken(
          depsAt(),
          await actorOf(adminId),
          { organisationId: org },
          { areaId: area, feed: "organisation's deadlines" },
        );
        return id;
      },
      async failedEmail() {
        const m = await db
          .insertInto("outbox")
          .values({
            to_email: `bounce.${unique()}@example.net`,
            person_id: adminId,
            subject: "Alert",
            body_text: "x",
            category: "alert",
            dedupe_key: null,
            created_at: now(),
            attempts: 5,
            next_attempt_at: null,
            last_error: "550",
            failed_at: now(),
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        return m.id;
      },
    },
  };
}

/** Builds the world once per test file. */
export async function buildWorld(): Promise<World> {
  const s = await seed();
  const [north, south] = [await side(s, "north"), await side(s, "south")];

  // The signer: a member of the public who signed (and confirmed) on the web, with the visitor cookie that gave them.
  const signer = await visitorSession(`/petitions/${north.petition}/sign`);
  const signed = await request(`/petitions/${north.petition}/sign`, {
    method: "POST",
    headers: { Cookie: signer.cookie, "Content-Type": "application/x-www-form-urlencoded", "CF-Connecting-IP": "203.0.113.77" },
    body: new URLSearchParams({ _csrf: signer.csrf, name: "Zed Signer", email: "zq.signer@example.org", postcode: "NR1 1AA" }),
    redirect: "manual",
  });
  expect(signed.status, await signed.clone().text()).toBe(303);
  const mail = await latestEmailTo("zq.signer@example.org", "signature_confirm");
  expect((await confirmByToken(tokenIn(mail.body_text, "/signatures/confirm"))).status).toBe(200);
  const anonymous = await visitorSession("/sign-in");

  const people: Record<Exclude<Who, "anonymous" | "signer">, number> = {
    link: s.personIds.link!,
    clerk: s.personIds.clerk!,
    responder: s.personIds.pct!,
    otherResponder: s.personIds.trust!,
    admin: s.personIds.admin!,
  };
  const callers = {
    anonymous: { who: "anonymous", personId: null, token: null, session: anonymous },
    signer: { who: "signer", personId: null, token: null, session: signer },
  } as Record<Who, Caller>;
  for (const [who, personId] of Object.entries(people) as [Who, number][]) {
    callers[who] = { who, personId, token: await tokenFor(personId), session: await sessionFor(personId) };
  }
  return {
    s,
    callers,
    north,
    south,
    async freshSession(who) {
      const personId = callers[who].personId;
      return personId === null ? visitorSession("/sign-in") : sessionFor(personId);
    },
  };
}
