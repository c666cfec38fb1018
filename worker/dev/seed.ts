// Demo data for local use and tests: two areas, every kind of organisation and role, and
// petitions, consultations and obligations in different states. Safe to run twice.
import { workingDayDeadline } from "../../shared/workingDays";
import type { CommissioningStage, ConsultationState, EngagementMethod } from "../../shared/consultations/machine";
import type { OrganisationKind, Role } from "../../shared/roles";
import { canonicalUrl } from "../../shared/urls";
import { batch, type DB } from "../platform/db";

const DAY = 86_400_000;

export interface SeedResult {
  created: boolean;
  areaIds: Record<string, number>;
  organisationIds: Record<string, number>;
  personIds: Record<string, number>;
}

interface OrgSeed {
  key: string;
  slug: string;
  name: string;
  kind: OrganisationKind;
  email?: string;
  predecessor?: string;
}

interface PersonSeed {
  key: string;
  email: string;
  name: string;
  roles: [org: string, role: Role][];
}

const AREAS = [
  { key: "northshire", slug: "northshire", name: "Northshire" },
  { key: "southvale", slug: "southvale", name: "Southvale" },
];

const ORGANISATIONS: Record<string, OrgSeed[]> = {
  northshire: [
    { key: "council", slug: "northshire-county-council", name: "Northshire County Council", kind: "local_authority" },
    {
      key: "osc",
      slug: "northshire-health-scrutiny",
      name: "Northshire Health Overview and Scrutiny Committee",
      kind: "osc",
      email: "scrutiny@northshire.example",
    },
    { key: "link", slug: "northshire-link", name: "Northshire LINk", kind: "link", email: "link@northshire.example" },
    {
      key: "pct",
      slug: "nhs-northshire",
      name: "NHS Northshire (Primary Care Trust)",
      kind: "pct",
      email: "engagement@nhs-northshire.example",
    },
    { key: "ccg", slug: "northshire-ccg", name: "Northshire Clinical Commissioning Group", kind: "ccg", predecessor: "pct" },
    {
      key: "hospitals",
      slug: "northshire-hospitals",
      name: "Northshire Hospitals NHS Trust",
      kind: "trust",
      email: "pals@northshire-hospitals.example",
    },
    {
      key: "community",
      slug: "northshire-community-health",
      name: "Northshire Community Health NHS Foundation Trust",
      kind: "foundation_trust",
    },
  ],
  southvale: [
    { key: "sv_council", slug: "southvale-borough-council", name: "Southvale Borough Council", kind: "local_authority" },
    { key: "sv_osc", slug: "southvale-health-scrutiny", name: "Southvale Health Scrutiny Panel", kind: "osc" },
    { key: "sv_link", slug: "southvale-link", name: "Southvale LINk", kind: "link" },
    { key: "sv_pct", slug: "nhs-southvale", name: "NHS Southvale (Primary Care Trust)", kind: "pct" },
  ],
};

export const DEMO_PEOPLE: PersonSeed[] = [
  { key: "clerk", email: "clerk@northshire.example", name: "Alice Morgan", roles: [["osc", "osc_clerk"]] },
  { key: "link", email: "volunteer@northshire.example", name: "Ben Okafor", roles: [["link", "link_member"]] },
  {
    key: "pct",
    email: "engagement@nhs-northshire.example",
    name: "Priya Shah",
    roles: [
      ["pct", "responder"],
      ["ccg", "responder"],
    ],
  },
  { key: "trust", email: "pals@northshire-hospitals.example", name: "Tom Fletcher", roles: [["hospitals", "responder"]] },
  { key: "admin", email: "admin@northshire.example", name: "Ada Lovelace", roles: [["council", "admin"]] },
  { key: "sv_clerk", email: "clerk@southvale.example", name: "Sam Patel", roles: [["sv_osc", "osc_clerk"]] },
  { key: "sv_link", email: "volunteer@southvale.example", name: "Grace Hughes", roles: [["sv_link", "link_member"]] },
  { key: "sv_pct", email: "engagement@nhs-southvale.example", name: "Omar Farouk", roles: [["sv_pct", "responder"]] },
  { key: "sv_admin", email: "admin@southvale.example", name: "Rosa Lindqvist", roles: [["sv_council", "admin"]] },
];

async function ids(db: DB) {
  const [areas, orgs, people] = await Promise.all([
    db.selectFrom("areas").select(["id", "slug"]).execute(),
    db.selectFrom("organisations").select(["id", "slug"]).execute(),
    db.selectFrom("people").select(["id", "email"]).execute(),
  ]);
  const areaIds = Object.fromEntries(AREAS.map((a) => [a.key, areas.find((r) => r.slug === a.slug)?.id ?? 0]));
  const organisationIds = Object.fromEntries(
    Object.values(ORGANISATIONS)
      .flat()
      .map((o) => [o.key, orgs.find((r) => r.slug === o.slug)?.id ?? 0]),
  );
  const personIds = Object.fromEntries(DEMO_PEOPLE.map((p) => [p.key, people.find((r) => r.email === p.email)?.id ?? 0]));
  return { areaIds, organisationIds, personIds };
}

export async function seedDemo(db: DB, d1: D1Database, now: Date): Promise<SeedResult> {
  const existing = await db.selectFrom("areas").select("id").where("slug", "=", "northshire").executeTakeFirst();
  if (existing) return { created: false, ...(await ids(db)) };

  const at = now.toISOString();
  await batch(
    d1,
    AREAS.map((a) => db.insertInto("areas").values({ slug: a.slug, name: a.name, created_at: at })),
  );
  let { areaIds } = await ids(db);
  // Organisations without predecessors first, so successors can refer to them.
  for (const pass of [false, true]) {
    const current = await ids(db);
    await batch(
      d1,
      Object.entries(ORGANISATIONS).flatMap(([areaKey, orgs]) =>
        orgs
          .filter((o) => Boolean(o.predecessor) === pass)
          .map((o) =>
            db.insertInto("organisations").values({
              area_id: areaIds[areaKey]!,
              slug: o.slug,
              name: o.name,
              kind: o.kind,
              email: o.email ?? null,
              predecessor_id: o.predecessor ? current.organisationIds[o.predecessor]! : null,
              created_at: at,
            }),
          ),
      ),
    );
  }
  await batch(
    d1,
    DEMO_PEOPLE.map((p) => db.insertInto("people").values({ email: p.email, name: p.name, created_at: at })),
  );
  const all = await ids(db);
  areaIds = all.areaIds;
  const org = all.organisationIds;
  const person = all.personIds;
  await batch(
    d1,
    DEMO_PEOPLE.flatMap((p) =>
      p.roles.map(([o, role]) =>
        db.insertInto("memberships").values({ person_id: person[p.key]!, organisation_id: org[o]!, role, created_at: at }),
      ),
    ),
  );

  const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
  const ahead = (days: number) => new Date(now.getTime() + days * DAY).toISOString();
  const north = areaIds.northshire!;

  // Petitions in different states (counts are kept by triggers as signatures confirm).
  const petitionBase = {
    area_id: north,
    petitioner_confirmed_at: ago(60),
    response_threshold: 100,
    scrutiny_threshold: 1000,
    response_working_days: 20,
    created_at: ago(60),
    updated_at: ago(1),
  };
  const overdueReached = ago(45);
  await batch(d1, [
    db.insertInto("petitions").values({
      ...petitionBase,
      organisation_id: org.pct!,
      title: "Keep the minor injuries unit at Eastbrook Community Hospital open at night",
      action: "We ask NHS Northshire to keep the minor injuries unit open from 8pm to 8am.",
      background:
        "The nearest night-time service is 25 miles away. Families without a car cannot get there after the last bus.\n\nThe unit treated over 4,000 people at night last year.",
      petitioner_name: "Margaret Ellis",
      petitioner_email: "m.ellis@example.com",
      state: "open",
      opened_at: ago(50),
      closes_at: ahead(40),
      moderated_at: ago(50),
      moderated_by: person.clerk!,
      response_threshold_reached_at: overdueReached,
      response_state: "owed",
      response_due_at: workingDayDeadline(overdueReached, 20).dueAt,
    }),
    db.insertInto("petitions").values({
      ...petitionBase,
      organisation_id: org.hospitals!,
      title: "Free parking for blue badge holders at Northshire General Hospital",
      action: "We ask Northshire Hospitals NHS Trust to make parking free for blue badge holders.",
      background: "Disabled patients and carers pay up to £12 a day to attend appointments.",
      petitioner_name: "Daniel Reyes",
      petitioner_email: "d.reyes@example.com",
      state: "open",
      opened_at: ago(10),
      closes_at: ahead(80),
      moderated_at: ago(10),
      moderated_by: person.clerk!,
    }),
    db.insertInto("petitions").values({
      ...petitionBase,
      organisation_id: org.pct!,
      title: "Bring back the Saturday morning GP clinic in Millbrook",
      action: "We ask NHS Northshire to restore Saturday morning appointments at Millbrook Health Centre.",
      background: "Working parents cannot get appointments during the week.",
      petitioner_name: "Sunita Rao",
      petitioner_email: "s.rao@example.com",
      state: "closed",
      opened_at: ago(150),
      closes_at: ago(60),
      closed_at: ago(60),
      moderated_at: ago(150),
      moderated_by: person.clerk!,
      response_threshold_reached_at: ago(120),
      response_state: "responded",
      response_due_at: workingDayDeadline(ago(120), 20).dueAt,
      response_text:
        "Thank you to everyone who signed.\n\nFrom April we will run a Saturday clinic at Millbrook Health Centre from 9am to 12pm, for a trial of six months.",
      responded_at: ago(100),
      responded_by: person.pct!,
      scrutiny_state: "considered",
      referred_at: ago(95),
      referral_reason: "dissatisfied",
      osc_meeting_date: ago(70).slice(0, 10),
      osc_decision: "The committee welcomed the trial and asked for a report on its use after six months.",
      osc_outcome: "Trial clinic agreed. NHS Northshire will report back to the committee in the autumn.",
      osc_considered_at: ago(70),
    }),
    db.insertInto("petitions").values({
      ...petitionBase,
      organisation_id: org.pct!,
      title: "Open a dementia cafe in every market town",
      action: "We ask NHS Northshire to fund a weekly dementia cafe in each market town.",
      background: "Carers tell us they feel isolated and do not know where to get support.",
      petitioner_name: "Hannah Cole",
      petitioner_email: "h.cole@example.com",
      state: "pending",
      response_threshold: null,
      scrutiny_threshold: null,
      response_working_days: null,
    }),
    db.insertInto("petitions").values({
      ...petitionBase,
      organisation_id: org.pct!,
      title: "Sack the council leader",
      action: "Sack the council leader.",
      background: "Not about local health services.",
      petitioner_name: "Anon",
      petitioner_email: "anon@example.com",
      state: "rejected",
      rejection_code: "not_local_health",
      rejection_details: "This petition is about the council's leadership, not about local health services.",
      moderated_at: ago(20),
      moderated_by: person.clerk!,
    }),
  ]);
  const petitions = await db.selectFrom("petitions").select(["id", "title", "response_due_at"]).orderBy("id").execute();
  const [nightUnit, parking, saturday] = petitions;

  // Confirmed signatures across postcode districts; the triggers keep the counters.
  const districts = ["NR1", "NR2", "NR3", "NR14", "NR18", "IP22"];
  const signatureRows = (petitionId: number, count: number, prefix: string) =>
    Array.from({ length: count }, (_, i) => ({
      petition_id: petitionId,
      name: `${prefix} Supporter ${i + 1}`,
      email: `${prefix.toLowerCase()}${i + 1}@example.com`,
      email_canonical: `${prefix.toLowerCase()}${i + 1}@example.com`,
      postcode: `${districts[i % districts.length]} 1AA`,
      postcode_district: districts[i % districts.length]!,
      contact_consent: i % 3 === 0 ? 1 : 0,
      state: "confirmed" as const,
      created_at: ago(40),
      confirmed_at: ago(40),
    }));
  const sigs = [
    ...signatureRows(nightUnit!.id, 140, "Night"),
    ...signatureRows(parking!.id, 37, "Parking"),
    ...signatureRows(saturday!.id, 212, "Saturday"),
  ];
  // D1 allows 100 bound parameters a statement: 9 columns -> 10 rows each.
  const chunks = [];
  for (let i = 0; i < sigs.length; i += 10) chunks.push(db.insertInto("signatures").values(sigs.slice(i, i + 10)));
  await batch(d1, chunks);

  // Consultations: open, closing soon, closed awaiting outcome (the feedback gap), with outcome.
  const consultation = (c: {
    organisation: string;
    title: string;
    url: string;
    summary: string;
    opens: string;
    closes: string;
    stage: CommissioningStage;
    method: EngagementMethod;
    state?: ConsultationState;
    outcome?: [string, string, string];
    by: string;
  }) =>
    db.insertInto("consultations").values({
      area_id: north,
      organisation_id: org[c.organisation]!,
      title: c.title,
      url: c.url,
      canonical_url: canonicalUrl(c.url),
      summary: c.summary,
      opens_at: c.opens,
      closes_at: c.closes,
      stage: c.stage,
      method: c.method,
      state: c.state ?? "active",
      outcome_said: c.outcome?.[0] ?? null,
      outcome_decided: c.outcome?.[1] ?? null,
      outcome_changed: c.outcome?.[2] ?? null,
      outcome_published_at: c.outcome ? ago(20) : null,
      outcome_published_by: c.outcome ? person.pct! : null,
      created_by: person[c.by]!,
      created_by_organisation_id: c.by === "link" ? org.link! : org[c.organisation]!,
      created_at: c.opens,
      updated_at: c.opens,
    });
  await batch(d1, [
    consultation({
      organisation: "pct",
      title: "Shaping the future of urgent care in Northshire",
      url: "https://www.nhs-northshire.example/have-your-say/urgent-care",
      summary: "We want to hear how you use urgent care services, and what matters most to you when you need help quickly.",
      opens: ago(30),
      closes: ahead(25),
      stage: "designing_services",
      method: "formal_consultation",
      by: "pct",
    }),
    consultation({
      organisation: "hospitals",
      title: "Maternity services survey 2026",
      url: "https://www.northshire-hospitals.example/maternity-survey?utm_source=newsletter",
      summary: "Tell us about your experience of having a baby at Northshire General Hospital.",
      opens: ago(40),
      closes: ahead(1),
      stage: "evaluating_services",
      method: "survey",
      by: "link",
    }),
    consultation({
      organisation: "pct",
      title: "Review of community mental health services",
      url: "https://www.nhs-northshire.example/consultations/mental-health-review",
      summary: "A review of how community mental health teams are organised across the county.",
      opens: ago(200),
      closes: ago(110),
      stage: "reviewing_provision",
      method: "public_meeting",
      by: "link",
    }),
    consultation({
      organisation: "pct",
      title: "Stroke rehabilitation: where should services be based?",
      url: "https://www.nhs-northshire.example/consultations/stroke-rehab",
      summary: "Options for bringing stroke rehabilitation beds together on one site.",
      opens: ago(160),
      closes: ago(90),
      stage: "deciding_priorities",
      method: "deliberative_event",
      state: "outcome_published",
      outcome: [
        "Most of the 640 people who responded wanted rehabilitation close to home, and transport for visitors.",
        "Beds will stay on two sites, not one.",
        "A free shuttle bus will run between the two sites and the railway station.",
      ],
      by: "pct",
    }),
  ]);

  // Obligations: due soon, overdue, and met — on both sides of the LINk's requests.
  const receivedLong = ago(45);
  const receivedRecent = ago(3);
  const receivedMet = ago(60);
  await batch(d1, [
    db.insertInto("obligations").values({
      area_id: north,
      kind: "information_request",
      owed_by_organisation_id: org.pct!,
      owed_to_organisation_id: org.link!,
      title: "Waiting times for wheelchair assessments",
      body: "Please tell us the average and longest waits for a wheelchair assessment in each of the last four quarters.",
      raised_by: person.link!,
      received_at: receivedLong,
      due_at: workingDayDeadline(receivedLong, 20).dueAt,
      created_at: receivedLong,
      updated_at: receivedLong,
    }),
    db.insertInto("obligations").values({
      area_id: north,
      kind: "report",
      owed_by_organisation_id: org.hospitals!,
      owed_to_organisation_id: org.link!,
      title: "Enter and view report: Ward 7 (older people's care)",
      body: "Our report of the visit on 3 November, with six recommendations on mealtimes and call bells.",
      raised_by: person.link!,
      received_at: receivedRecent,
      due_at: workingDayDeadline(receivedRecent, 20).dueAt,
      created_at: receivedRecent,
      updated_at: receivedRecent,
    }),
    db.insertInto("obligations").values({
      area_id: north,
      kind: "osc_referral",
      owed_by_organisation_id: org.osc!,
      owed_to_organisation_id: org.link!,
      title: "Referral: closure of Eastbrook minor injuries unit at night",
      body: "The LINk refers the proposed night closure to the committee as a substantial variation in service.",
      raised_by: person.link!,
      received_at: receivedMet,
      due_at: workingDayDeadline(receivedMet, 20).dueAt,
      state: "met",
      met_at: ago(50),
      met_late: 0,
      created_at: receivedMet,
      updated_at: ago(50),
    }),
    db.insertInto("obligations").values({
      area_id: north,
      kind: "petition_response",
      owed_by_organisation_id: org.pct!,
      owed_to_organisation_id: org.osc!,
      title: `Response to petition: ${nightUnit!.title}`,
      petition_id: nightUnit!.id,
      received_at: overdueReached,
      due_at: nightUnit!.response_due_at!,
      created_at: overdueReached,
      updated_at: overdueReached,
    }),
    // The Saturday clinic petition was answered on time: its obligation is met.
    db.insertInto("obligations").values({
      area_id: north,
      kind: "petition_response",
      owed_by_organisation_id: org.pct!,
      owed_to_organisation_id: org.osc!,
      title: `Response to petition: ${saturday!.title}`,
      petition_id: saturday!.id,
      received_at: ago(120),
      due_at: saturday!.response_due_at!,
      state: "met",
      met_at: ago(100),
      met_late: 0,
      created_at: ago(120),
      updated_at: ago(100),
    }),
  ]);

  return { created: true, ...(await ids(db)) };
}
