// Bulk loader for the benchmark: writes a large data set straight into a local D1 database file
// (wrangler's SQLite) with the real schema and triggers, far faster than through the API.
import { createHash, randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";

export interface Sizes {
  areas: number;
  consultations: number;
  petitions: number;
  signatures: number;
  obligations: number;
  /** Share of all signatures on the one hot petition. */
  hotShare: number;
}

export const FULL: Sizes = {
  areas: 50,
  consultations: 100_000,
  petitions: 20_000,
  signatures: 1_000_000,
  obligations: 200_000,
  hotShare: 0.2,
};
export const QUICK: Sizes = { areas: 10, consultations: 5_000, petitions: 3_000, signatures: 50_000, obligations: 10_000, hotShare: 0.2 };

/** What the benchmark needs to know about the loaded data. */
export interface Loaded {
  hotPetitionId: number;
  openPetitionIds: number[];
  areaId: number;
  clerkSession: string;
  linkToken: string;
  linkPersonId: number;
  /** API tokens of area 1's scrutiny clerk and the PCT's responder. */
  clerkToken: string;
  responderToken: string;
  /** Area 1's slug and organisations. */
  areaSlug: string;
  pctId: number;
  linkOrgId: number;
  /** Calendar feed tokens: the committee's petitions feed, the LINk member's and the PCT's deadlines. */
  committeeFeedToken: string;
  personFeedToken: string;
  organisationFeedToken: string;
  counts: Record<string, number>;
}

const DAY = 86_400_000;
const hash = (s: string) => createHash("sha256").update(s).digest("base64url");

/** The D1 SQLite file wrangler keeps under --persist-to. */
export function d1File(persistDir: string): string {
  const dir = join(persistDir, "v3/d1/miniflare-D1DatabaseObject");
  const file = readdirSync(dir).find((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite");
  if (!file) throw new Error(`No D1 database in ${dir}: apply the migrations first`);
  return join(dir, file);
}

export function load(persistDir: string, sizes: Sizes, now = new Date()): Loaded {
  const db = new DatabaseSync(d1File(persistDir));
  db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;");
  const iso = (t: number) => new Date(t).toISOString();
  const at = now.toISOString();
  const t0 = now.getTime();
  const run = (sql: string, ...params: (string | number | null)[]) => db.prepare(sql).run(...params);

  db.exec("BEGIN");
  const insertArea = db.prepare("INSERT INTO areas (slug, name, created_at) VALUES (?, ?, ?)");
  const insertOrg = db.prepare("INSERT INTO organisations (area_id, slug, name, kind, created_at) VALUES (?, ?, ?, ?, ?)");
  const insertPerson = db.prepare("INSERT INTO people (email, name, created_at) VALUES (?, ?, ?)");
  const insertMembership = db.prepare("INSERT INTO memberships (person_id, organisation_id, role, created_at) VALUES (?, ?, ?, ?)");
  const kinds = [
    ["council", "local_authority"],
    ["osc", "osc"],
    ["link", "link"],
    ["pct", "pct"],
    ["ccg", "ccg"],
    ["acute", "trust"],
    ["community", "foundation_trust"],
  ] as const;
  const orgs: Record<string, number>[] = [];
  const people: Record<string, number>[] = [];
  for (let a = 1; a <= sizes.areas; a++) {
    const areaId = Number(insertArea.run(`area-${a}`, `Area ${a}`, at).lastInsertRowid);
    const o: Record<string, number> = { area: areaId };
    for (const [key, kind] of kinds) o[key] = Number(insertOrg.run(areaId, `${key}-${a}`, `${key} of area ${a}`, kind, at).lastInsertRowid);
    orgs.push(o);
    const p: Record<string, number> = {};
    for (const [key, org, role] of [
      ["clerk", "osc", "osc_clerk"],
      ["link", "link", "link_member"],
      ["responder", "pct", "responder"],
      ["admin", "council", "admin"],
    ] as const) {
      p[key] = Number(insertPerson.run(`${key}${a}@bench.example`, `${key} ${a}`, at).lastInsertRowid);
      insertMembership.run(p[key]!, o[org]!, role, at);
    }
    people.push(p);
  }

  // Petitions: most open, some closed with responses owed or given.
  const insertPetition = db.prepare(
    `INSERT INTO petitions (area_id, organisation_id, title, action, background, petitioner_name, petitioner_email, petitioner_confirmed_at,
       state, opened_at, closes_at, closed_at, response_threshold, scrutiny_threshold, response_working_days,
       response_state, response_due_at, response_threshold_reached_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 100, 1000, 20, ?, ?, ?, ?, ?)`,
  );
  const petitionIds: number[] = [];
  const openPetitionIds: number[] = [];
  for (let i = 0; i < sizes.petitions; i++) {
    const o = orgs[i % orgs.length]!;
    const open = i % 4 !== 3;
    const owed = i % 5 === 0;
    const opened = t0 - ((i % 80) + 5) * DAY;
    const id = Number(
      insertPetition.run(
        o.area!,
        o.pct!,
        `Petition ${i + 1}: keep local service ${i % 97} open`,
        "We ask the primary care trust to keep the service open.",
        "Many people rely on it.\n\nThe next nearest is far away.",
        `Petitioner ${i}`,
        `petitioner${i}@bench.example`,
        iso(opened),
        open ? "open" : "closed",
        iso(opened),
        iso(open ? t0 + ((i % 60) + 1) * DAY : t0 - DAY),
        open ? null : iso(t0 - DAY),
        owed ? "owed" : "not_due",
        owed ? iso(t0 + ((i % 30) - 10) * DAY) : null,
        owed ? iso(opened + DAY) : null,
        iso(opened),
        iso(opened),
      ).lastInsertRowid,
    );
    petitionIds.push(id);
    if (open) openPetitionIds.push(id);
  }
  const hotPetitionId = openPetitionIds[0]!;

  // Confirmed signatures: a share on the hot petition, the rest spread. Triggers keep the counters.
  const insertSignature = db.prepare(
    `INSERT INTO signatures (petition_id, name, email, email_canonical, postcode, postcode_district, contact_consent, state, created_at, confirmed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'confirmed', ?, ?)`,
  );
  const districts = ["NR1", "NR2", "NR3", "NR14", "IP22", "PE30", "CB1", "LN2"];
  const hotCount = Math.floor(sizes.signatures * sizes.hotShare);
  for (let i = 0; i < sizes.signatures; i++) {
    const petitionId = i < hotCount ? hotPetitionId : petitionIds[(i * 7919) % petitionIds.length]!;
    const email = `signer${i}@bench.example`;
    const district = districts[i % districts.length]!;
    insertSignature.run(petitionId, `Signer ${i}`, email, email, `${district} 1AA`, district, i % 3 === 0 ? 1 : 0, at, at);
  }

  // Consultations: past, open and future, a fifth closed without an outcome.
  const insertConsultation = db.prepare(
    `INSERT INTO consultations (area_id, organisation_id, title, url, canonical_url, summary, opens_at, closes_at, stage, method, state, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'designing_services', 'survey', ?, ?, ?)`,
  );
  for (let i = 0; i < sizes.consultations; i++) {
    const o = orgs[i % orgs.length]!;
    const offset = ((i % 400) - 200) * DAY;
    const url = `https://consult.example/area-${o.area}/c-${i}`;
    insertConsultation.run(
      o.area!,
      i % 2 ? o.pct! : o.acute!,
      `Consultation ${i}: have your say on service ${i % 113}`,
      url,
      url,
      "Tell us what you think about the plans.",
      iso(t0 + offset - 60 * DAY),
      iso(t0 + offset),
      i % 5 === 0 && offset < 0 ? "outcome_published" : "active",
      at,
      at,
    );
  }

  // Obligations: open (due and overdue), met, withdrawn.
  const insertObligation = db.prepare(
    `INSERT INTO obligations (area_id, kind, owed_by_organisation_id, owed_to_organisation_id, title, body, raised_by, received_at, due_at, state, met_at, met_late, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const obligationKinds = ["information_request", "report", "osc_referral"] as const;
  for (let i = 0; i < sizes.obligations; i++) {
    const a = i % orgs.length;
    const o = orgs[a]!;
    const kind = obligationKinds[i % 3]!;
    const received = t0 - (i % 90) * DAY;
    const due = received + 28 * DAY;
    const state = i % 3 === 0 ? "met" : i % 17 === 0 ? "withdrawn" : "open";
    insertObligation.run(
      o.area!,
      kind,
      kind === "osc_referral" ? o.osc! : o.pct!,
      o.link!,
      `Request ${i}`,
      people[a]!.link!,
      iso(received),
      iso(due),
      state,
      state === "met" ? iso(received + 10 * DAY) : null,
      state === "met" ? 0 : null,
      iso(received),
      iso(received),
    );
  }

  // Watches for area 1's LINk member (alerts endpoint), and many far-future watches for everyone.
  const insertWatch = db.prepare(
    "INSERT OR IGNORE INTO watches (person_id, target_kind, target_id, next_alert_at, created_at) VALUES (?, ?, ?, ?, ?)",
  );
  const linkPersonId = people[0]!.link!;
  const firstConsultation = Number((db.prepare("SELECT min(id) AS id FROM consultations").get() as { id: number }).id);
  for (let i = 0; i < Math.min(200, sizes.consultations); i++)
    insertWatch.run(linkPersonId, "consultation", firstConsultation + i * orgs.length, iso(t0 + 365 * DAY), at);
  for (let i = 0; i < Math.min(sizes.consultations, 20_000); i++)
    insertWatch.run(people[i % people.length]!.clerk!, "consultation", firstConsultation + i, iso(t0 + 400 * DAY), at);

  // Credentials the benchmark uses: a clerk's web session and a LINk member's API token.
  const clerkSession = randomBytes(24).toString("base64url");
  run(
    "INSERT INTO sessions (id_hash, person_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
    hash(clerkSession),
    people[0]!.clerk!,
    at,
    iso(t0 + 7 * DAY),
  );
  const linkToken = randomBytes(24).toString("base64url");
  run(
    "INSERT INTO api_tokens (token_hash, person_id, label, created_at, last_used_at) VALUES (?, ?, 'bench', ?, ?)",
    hash(linkToken),
    linkPersonId,
    at,
    at,
  );
  const clerkToken = randomBytes(24).toString("base64url");
  run(
    "INSERT INTO api_tokens (token_hash, person_id, label, created_at, last_used_at) VALUES (?, ?, 'bench', ?, ?)",
    hash(clerkToken),
    people[0]!.clerk!,
    at,
    at,
  );
  const responderToken = randomBytes(24).toString("base64url");
  run(
    "INSERT INTO api_tokens (token_hash, person_id, label, created_at, last_used_at) VALUES (?, ?, 'bench', ?, ?)",
    hash(responderToken),
    people[0]!.responder!,
    at,
    at,
  );
  const committeeFeedToken = randomBytes(24).toString("base64url");
  run(
    "INSERT INTO feed_tokens (token_hash, person_id, organisation_id, created_by, created_at) VALUES (?, NULL, ?, ?, ?)",
    hash(committeeFeedToken),
    orgs[0]!.osc!,
    people[0]!.clerk!,
    at,
  );
  const personFeedToken = randomBytes(24).toString("base64url");
  run(
    "INSERT INTO feed_tokens (token_hash, person_id, organisation_id, created_by, created_at) VALUES (?, ?, NULL, ?, ?)",
    hash(personFeedToken),
    linkPersonId,
    linkPersonId,
    at,
  );
  const organisationFeedToken = randomBytes(24).toString("base64url");
  // The PCT's feed (person_id set, so it is a clock feed, not the committee's petitions feed).
  run(
    "INSERT INTO feed_tokens (token_hash, person_id, organisation_id, created_by, created_at) VALUES (?, NULL, ?, ?, ?)",
    hash(organisationFeedToken),
    orgs[0]!.pct!,
    people[0]!.responder!,
    at,
  );
  db.exec("COMMIT");
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");

  const counts: Record<string, number> = {};
  for (const table of ["areas", "organisations", "people", "petitions", "signatures", "consultations", "obligations", "watches"]) {
    counts[table] = Number((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
  }
  // The triggers must have kept the counter equal to the confirmed rows.
  const hot = db.prepare("SELECT signature_count FROM petitions WHERE id = ?").get(hotPetitionId) as { signature_count: number };
  const rows = db.prepare("SELECT count(*) AS n FROM signatures WHERE petition_id = ? AND state = 'confirmed'").get(hotPetitionId) as {
    n: number;
  };
  if (hot.signature_count !== rows.n || rows.n < hotCount)
    throw new Error(`Counter mismatch on the hot petition: ${hot.signature_count} vs ${rows.n} rows`);
  db.close();
  return {
    hotPetitionId,
    openPetitionIds: openPetitionIds.slice(0, 50),
    areaId: orgs[0]!.area!,
    clerkSession,
    linkToken,
    linkPersonId,
    clerkToken,
    responderToken,
    areaSlug: "area-1",
    pctId: orgs[0]!.pct!,
    linkOrgId: orgs[0]!.link!,
    committeeFeedToken,
    personFeedToken,
    organisationFeedToken,
    counts,
  };
}
