// THE access table: every route of the app (JSON API and web pages and forms), who may use it on a
// record of the caller's own area (Northshire) and of another area (Southvale), and how a refusal looks.
// tests/worker/authorizationMatrix.test.ts fails if a route of the app is missing here, or if any
// caller gets anything else. Callers are defined in accessFixtures.ts: "responder" answers for the
// record's organisation (the PCT); "otherResponder" for another organisation of the same area.
import type { SideFixture, Who } from "./accessFixtures";

/** How a call ends: let through (any answer about the content, 2xx-4xx), sign in first, refused, or "no such thing". */
export type Outcome = "ok" | "signin" | "forbidden" | "missing";
type Allowed = "everyone" | "signedIn" | readonly Who[];

export type ParamKind =
  | "area"
  | "areaSlug"
  | "org"
  | "petition"
  | "consultation"
  | "obligation"
  | "petitionFeedFile"
  | "calendarFile"
  // made fresh for each call, because the route uses them up
  | "membership"
  | "adminToken"
  | "adminWatch"
  | "petitionFeed"
  | "clockFeed"
  | "failedEmail";

export interface RouteAccess {
  /** What fills each path parameter (by name). */
  params?: Record<string, ParamKind>;
  /** Query string; {area} and {org} are replaced by the side's ids. */
  query?: string;
  /** Allowed on Northshire's record (the callers' own area). */
  north: Allowed;
  /** Allowed on Southvale's record (another area). Default: nobody. */
  south?: Allowed;
  /** How a signed-in caller who is not allowed is refused (404 where existence must not be revealed). */
  denied?: Outcome;
  /** How a caller who is not signed in is refused when not allowed (default: asked to sign in). */
  anonymous?: Outcome;
  /** A valid body, for routes that decide access from it (e.g. the organisation a new record is for). */
  body?: (f: SideFixture) => Record<string, unknown>;
  /**
   * A secret address (a calendar feed) made by someone allowed to see its contents, for them to
   * share with their calendar: whoever holds it sees what its maker may see, so leak checks skip it.
   * (That an unknown address is "not found" is tested in clock.test.ts and petitions tests.)
   */
  capability?: boolean;
  /** The route ends the caller's session: use a session made for that one call. */
  endsSession?: boolean;
}

const ADMIN = ["admin"] as const;
const MODERATORS = ["clerk", "admin"] as const; // petition.moderate / remove / monitor / record_scrutiny
const RESPONDERS = ["responder", "admin"] as const; // petition.respond, consultation.publish_outcome, obligation.reply (owed by the PCT)
const CONSULTATION_EDITORS = ["link", "responder", "admin"] as const; // consultation.edit / withdraw
const OBLIGATION_VIEWERS = ["link", "clerk", "responder", "admin"] as const; // obligation.view (LINk asked the PCT)
const OBLIGATION_RAISERS = ["link", "admin"] as const; // obligation.raise / withdraw on the raising side
const CLOCK_VIEWERS = ["clerk", "responder", "admin"] as const; // organisation.view_clock for the PCT
const ANY_RESPONDER = ["responder", "otherResponder", "admin"] as const; // petition.view_owed, each for their own organisation
const CONSULTATION_CREATORS = ["link", "responder", "otherResponder", "admin"] as const; // consultation.create somewhere
const PUBLIC = { north: "everyone", south: "everyone" } as const;
const SIGNED_IN = { north: "signedIn", south: "signedIn" } as const;
const OWN_ONLY = { north: ADMIN, denied: "missing" } as const; // the admin's own token/watch: anyone else's is "not found"
const DEV_ONLY = { north: [], denied: "missing", anonymous: "missing" } as const; // the local entry's, only with LOCAL_DEV: never in production

const consultationBody = (f: SideFixture) => ({
  areaId: f.area,
  organisationId: f.org,
  title: "Access check consultation",
  url: `https://access.example/${f.areaSlug}/${Math.random()}`,
});
const consultationForm = (f: SideFixture) => ({
  organisationId: String(f.org),
  title: "Access check consultation",
  url: `https://access.example/${f.areaSlug}/${Math.random()}`,
});
const obligationBody = (linkOrg: (f: SideFixture) => number) => (f: SideFixture) => ({
  kind: "information_request",
  owedByOrganisationId: f.org,
  owedToOrganisationId: linkOrg(f),
  title: "Access check request",
  body: "Please tell us how many beds there are.",
});

export const accessTable: Record<string, RouteAccess> = {
  // ------------------------------------------------------------------ JSON API
  "GET /api/v1/openapi.json": PUBLIC,
  "GET /api/v1/docs": PUBLIC,
  "GET /api/v1/areas": PUBLIC,
  "POST /api/v1/auth/sign-in-link": PUBLIC,
  "POST /api/v1/pairing": PUBLIC,
  "GET /api/v1/me": SIGNED_IN,
  "PUT /api/v1/me/preferences": SIGNED_IN,
  "DELETE /api/v1/tokens/:id": { params: { id: "adminToken" }, ...OWN_ONLY },
  "GET /api/v1/areas/:id/settings": { params: { id: "area" }, north: ADMIN },
  "PUT /api/v1/areas/:id/settings": { params: { id: "area" }, north: ADMIN },
  "PUT /api/v1/organisations/:id/settings": { params: { id: "org" }, north: ADMIN },
  "POST /api/v1/areas/:id/organisations": { params: { id: "area" }, north: ADMIN },
  "GET /api/v1/areas/:id/members": { params: { id: "area" }, north: ADMIN },
  "POST /api/v1/areas/:id/members": { params: { id: "area" }, north: ADMIN },
  "DELETE /api/v1/memberships/:id": { params: { id: "membership" }, north: ADMIN },
  "GET /api/v1/petitions": { query: "areaId={area}", ...PUBLIC },
  "GET /api/v1/petitions.csv": { query: "areaId={area}", ...PUBLIC },
  "GET /api/v1/petitions/similar": { query: "organisationId={org}&title=walk-in%20centre%20zqnspending%20zqsvpending", ...PUBLIC },
  "POST /api/v1/petitions": PUBLIC,
  "POST /api/v1/petitions/confirmation": PUBLIC,
  "POST /api/v1/signatures/confirmation": PUBLIC,
  "GET /api/v1/petitions/moderation": { north: MODERATORS, south: MODERATORS },
  "GET /api/v1/petitions/dashboard": { query: "areaId={area}", north: MODERATORS, south: MODERATORS },
  "GET /api/v1/petitions/dashboard.csv": { query: "areaId={area}", north: MODERATORS, south: MODERATORS },
  // Each responder's own inbox (lists are checked for leaks).
  "GET /api/v1/petitions/inbox": { north: ANY_RESPONDER, south: ANY_RESPONDER },
  "GET /api/v1/petitions/:id": { params: { id: "petition" }, ...PUBLIC },
  "POST /api/v1/petitions/:id/signatures": { params: { id: "petition" }, ...PUBLIC },
  "POST /api/v1/petitions/:id/moderation": { params: { id: "petition" }, north: MODERATORS },
  "POST /api/v1/petitions/:id/removal": { params: { id: "petition" }, north: MODERATORS },
  "POST /api/v1/petitions/:id/response/preview": { params: { id: "petition" }, north: RESPONDERS },
  "PUT /api/v1/petitions/:id/response": { params: { id: "petition" }, north: RESPONDERS },
  "POST /api/v1/petitions/:id/referral": { params: { id: "petition" }, north: MODERATORS },
  "POST /api/v1/petitions/:id/petitioner-referral": { params: { id: "petition" }, ...PUBLIC },
  "PUT /api/v1/petitions/:id/scrutiny": { params: { id: "petition" }, north: MODERATORS },
  "GET /api/v1/areas/:id/petition-feeds": { params: { id: "area" }, north: MODERATORS },
  "POST /api/v1/areas/:id/petition-feeds": { params: { id: "area" }, north: MODERATORS },
  "DELETE /api/v1/petition-feeds/:id": { params: { id: "petitionFeed" }, north: MODERATORS },
  "POST /api/v1/consultations": { north: ["link", "responder", "admin"], body: consultationBody },
  "GET /api/v1/consultations": { query: "areaId={area}", ...PUBLIC },
  "GET /api/v1/consultations/lookup": { query: "url=https%3A%2F%2Fnorth.example%2Fconsultations%2Fstroke", ...PUBLIC },
  "GET /api/v1/consultations/:id": { params: { id: "consultation" }, ...PUBLIC },
  "PATCH /api/v1/consultations/:id": { params: { id: "consultation" }, north: CONSULTATION_EDITORS },
  "POST /api/v1/consultations/:id/outcome": { params: { id: "consultation" }, north: RESPONDERS },
  "POST /api/v1/consultations/:id/withdraw": { params: { id: "consultation" }, north: CONSULTATION_EDITORS },
  "POST /api/v1/consultations/:id/reinstate": { params: { id: "consultation" }, north: CONSULTATION_EDITORS },
  "POST /api/v1/consultations/:id/link-response": { params: { id: "consultation" }, north: ["link", "admin"] },
  "POST /api/v1/obligations": { north: OBLIGATION_RAISERS, body: obligationBody((f) => f.linkOrg) },
  // Filtered by an organisation: only those who may view its requests.
  "GET /api/v1/obligations": { query: "organisationId={org}", north: CLOCK_VIEWERS },
  "GET /api/v1/obligations/:id": { params: { id: "obligation" }, north: OBLIGATION_VIEWERS },
  "POST /api/v1/obligations/:id/replies": { params: { id: "obligation" }, north: RESPONDERS },
  "POST /api/v1/obligations/:id/notes": { params: { id: "obligation" }, north: OBLIGATION_RAISERS },
  "POST /api/v1/obligations/:id/withdraw": { params: { id: "obligation" }, north: OBLIGATION_RAISERS },
  "POST /api/v1/watches": { north: OBLIGATION_VIEWERS, body: (f) => ({ targetKind: "obligation", targetId: f.obligation }) },
  "GET /api/v1/watches": SIGNED_IN,
  "DELETE /api/v1/watches/:id": { params: { id: "adminWatch" }, ...OWN_ONLY },
  "GET /api/v1/me/alerts": SIGNED_IN,
  "GET /api/v1/organisations/:id/clock": { params: { id: "org" }, north: CLOCK_VIEWERS },

  // ------------------------------------------------------------------ web pages and forms
  "GET /": PUBLIC,
  "GET /about": PUBLIC,
  "GET /privacy": PUBLIC,
  // Removing your details: anyone may ask; the emailed link alone says whose details go.
  "GET /your-data": PUBLIC,
  "POST /your-data": PUBLIC,
  "GET /your-data/check-email": PUBLIC,
  "GET /your-data/remove": { query: "token=not-a-real-token", ...PUBLIC },
  "POST /your-data/remove": PUBLIC,
  "GET /your-data/removed": PUBLIC,
  "GET /sign-in": PUBLIC,
  "POST /sign-in": PUBLIC,
  "GET /sign-in/check-email": { query: "email=someone%40example.org", ...PUBLIC },
  "GET /sign-in/confirm": { query: "token=not-a-real-token", ...PUBLIC },
  "POST /sign-in/confirm": PUBLIC,
  "POST /sign-out": { ...PUBLIC, endsSession: true },
  "GET /account": SIGNED_IN,
  "POST /account/pairing-code": SIGNED_IN,
  "POST /account/tokens/:id/revoke": { params: { id: "adminToken" }, ...OWN_ONLY },
  "POST /account/preferences": SIGNED_IN,
  "GET /admin": SIGNED_IN,
  "GET /admin/areas/:slug": { params: { slug: "areaSlug" }, north: ADMIN },
  "POST /admin/areas/:slug/settings": { params: { slug: "areaSlug" }, north: ADMIN },
  "POST /admin/areas/:slug/organisations": { params: { slug: "areaSlug" }, north: ADMIN },
  "POST /admin/organisations/:id/settings": { params: { id: "org" }, north: ADMIN },
  "POST /admin/areas/:slug/members": { params: { slug: "areaSlug" }, north: ADMIN },
  "POST /admin/memberships/:id/remove": { params: { id: "membership" }, north: ADMIN },
  "GET /admin/areas/:slug/deliveries": { params: { slug: "areaSlug" }, north: ADMIN },
  "POST /admin/areas/:slug/deliveries/:id{[0-9]+}/retry": { params: { slug: "areaSlug", id: "failedEmail" }, north: ADMIN },
  "GET /petitions": { query: "area={area}", ...PUBLIC },
  "GET /petitions/new": PUBLIC,
  "POST /petitions/new": PUBLIC,
  "GET /petitions/new/check-email": PUBLIC,
  "GET /petitions/confirm": { query: "token=not-a-real-token", ...PUBLIC },
  "POST /petitions/confirm": PUBLIC,
  "GET /petitions/new/confirmed": PUBLIC,
  "GET /signatures/confirm": { query: "token=not-a-real-token", ...PUBLIC },
  "POST /signatures/confirm": PUBLIC,
  "GET /petitions/moderation": { north: MODERATORS, south: MODERATORS },
  "GET /petitions/dashboard": { query: "areaId={area}", north: MODERATORS, south: MODERATORS },
  "GET /petitions/dashboard.csv": { query: "areaId={area}", north: MODERATORS, south: MODERATORS },
  "POST /petitions/areas/:id/feeds": { params: { id: "area" }, north: MODERATORS },
  "POST /petitions/feeds/:id/revoke": { params: { id: "petitionFeed" }, north: MODERATORS },
  "GET /feeds/petitions/:file{[A-Za-z0-9_-]{16,100}\\.ics}": { params: { file: "petitionFeedFile" }, ...PUBLIC, capability: true },
  "GET /petitions/inbox": { north: ANY_RESPONDER, south: ANY_RESPONDER },
  "GET /petitions/:id{[0-9]+}": { params: { id: "petition" }, ...PUBLIC },
  "GET /petitions/:id{[0-9]+}/sign": { params: { id: "petition" }, ...PUBLIC },
  "POST /petitions/:id{[0-9]+}/sign": { params: { id: "petition" }, ...PUBLIC },
  "GET /petitions/:id{[0-9]+}/sign/check-email": { params: { id: "petition" }, ...PUBLIC },
  "GET /petitions/:id{[0-9]+}/moderate": { params: { id: "petition" }, north: MODERATORS },
  "POST /petitions/:id{[0-9]+}/moderate": { params: { id: "petition" }, north: MODERATORS },
  "POST /petitions/:id{[0-9]+}/remove": { params: { id: "petition" }, north: MODERATORS },
  "GET /petitions/:id{[0-9]+}/respond": { params: { id: "petition" }, north: RESPONDERS },
  "POST /petitions/:id{[0-9]+}/respond": { params: { id: "petition" }, north: RESPONDERS },
  "GET /petitions/:id{[0-9]+}/scrutiny": { params: { id: "petition" }, north: MODERATORS },
  "POST /petitions/:id{[0-9]+}/scrutiny/refer": { params: { id: "petition" }, north: MODERATORS },
  "POST /petitions/:id{[0-9]+}/scrutiny": { params: { id: "petition" }, north: MODERATORS },
  "GET /petitions/:id{[0-9]+}/refer": { params: { id: "petition" }, query: "token=not-a-real-token", ...PUBLIC },
  "POST /petitions/:id{[0-9]+}/refer": { params: { id: "petition" }, ...PUBLIC },
  "GET /consultations": { query: "area={area}", ...PUBLIC },
  "GET /consultations/new": { north: CONSULTATION_CREATORS, south: CONSULTATION_CREATORS },
  "POST /consultations": { north: ["link", "responder", "admin"], body: consultationForm },
  "GET /consultations/:id{[0-9]+}": { params: { id: "consultation" }, ...PUBLIC },
  "POST /consultations/:id/link-response": { params: { id: "consultation" }, north: ["link", "admin"] },
  "POST /consultations/:id/withdraw": { params: { id: "consultation" }, north: CONSULTATION_EDITORS },
  "POST /consultations/:id/reinstate": { params: { id: "consultation" }, north: CONSULTATION_EDITORS },
  "GET /consultations/:id/edit": { params: { id: "consultation" }, north: CONSULTATION_EDITORS },
  "POST /consultations/:id/edit": { params: { id: "consultation" }, north: CONSULTATION_EDITORS },
  "GET /consultations/:id/outcome": { params: { id: "consultation" }, north: RESPONDERS },
  "POST /consultations/:id/outcome": { params: { id: "consultation" }, north: RESPONDERS },
  // Consultations are public, so anyone signed in may watch one, in any area.
  "POST /consultations/:id{[0-9]+}/watch": { params: { id: "consultation" }, ...SIGNED_IN },
  "POST /consultations/:id{[0-9]+}/unwatch": { params: { id: "consultation" }, ...SIGNED_IN },
  "GET /obligations": SIGNED_IN,
  "GET /obligations/new": { north: ["link", "clerk", "admin"], south: ["link", "clerk", "admin"] },
  "POST /obligations": {
    north: OBLIGATION_RAISERS,
    body: (f) => Object.fromEntries(Object.entries(obligationBody((g) => g.linkOrg)(f)).map(([k, v]) => [k, String(v)])),
  },
  "GET /obligations/:id{[0-9]+}": { params: { id: "obligation" }, north: OBLIGATION_VIEWERS },
  "POST /obligations/:id/reply": { params: { id: "obligation" }, north: RESPONDERS },
  "POST /obligations/:id/note": { params: { id: "obligation" }, north: OBLIGATION_RAISERS },
  "POST /obligations/:id/withdraw": { params: { id: "obligation" }, north: OBLIGATION_RAISERS },
  "POST /obligations/:id/watch": { params: { id: "obligation" }, north: OBLIGATION_VIEWERS },
  "POST /obligations/:id/unwatch": { params: { id: "obligation" }, north: OBLIGATION_VIEWERS },
  "GET /clock": SIGNED_IN,
  "GET /clock/organisations/:id": { params: { id: "org" }, north: CLOCK_VIEWERS },
  "GET /clock/organisations/:id/csv": { params: { id: "org" }, north: CLOCK_VIEWERS },
  "POST /clock/organisations/:id/feeds": { params: { id: "org" }, north: CLOCK_VIEWERS },
  "POST /clock/organisations/:id/feeds/:feedId{[0-9]+}/revoke": {
    params: { id: "org", feedId: "clockFeed" },
    north: CLOCK_VIEWERS,
    body: () => ({ scope: "organisation" }),
  },
  // An area's clock has no organisation of its own: only area-wide roles reach it.
  "GET /clock/areas/:slug": { params: { slug: "areaSlug" }, north: MODERATORS },
  "GET /clock/areas/:slug/csv": { params: { slug: "areaSlug" }, north: MODERATORS },
  "GET /feeds/calendar/:file{[A-Za-z0-9_-]+\\.ics}": { params: { file: "calendarFile" }, ...PUBLIC, capability: true },
  "GET /dev/sign-in": DEV_ONLY,
  "POST /dev/sign-in": DEV_ONLY,
  "POST /dev/seed": DEV_ONLY,
  "GET /dev/outbox": DEV_ONLY,
  "GET /dev/outbox.json": DEV_ONLY,
};
