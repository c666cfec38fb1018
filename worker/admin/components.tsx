// The sections of an area's administration page (worker/admin/screens/area.tsx): the area's defaults,
// its organisations (their own settings, adding one), and its people and roles, each with its form.
import type { z } from "zod";
import type { AreaMember as AreaMemberSchema, AreaSettings, OrganisationSettings } from "../../shared/schemas/admin";
import { type OrganisationKind, organisationKindLabels, organisationKinds, roleLabels, roles } from "../../shared/roles";
import type { AreaRow } from "../areas/queries";
import { Button, type FieldErrors, Form, type Problem, Select, Table, TextInput } from "../web/components";

/** Which form on the page a problem belongs to: the defaults, adding an organisation or a member, or one organisation's settings. */
export type Section = "settings" | "organisation" | "member" | `org-${number}`;
export type SectionProblem = Problem & { section: Section };

export interface OrganisationEntry {
  id: number;
  name: string;
  kind: OrganisationKind;
  /** Its own settings; null where it uses the area's. */
  settings: OrganisationSettings;
}

/** Someone holding a role in one of the area's organisations (as the API lists them too). */
export type AreaMember = z.output<typeof AreaMemberSchema>;

/** A section's form state: its errors and typed values when the problem is its own, else what is saved. */
function sectionForm(problem: SectionProblem | null, section: Section) {
  const own = problem?.section === section ? problem : null;
  const errors: FieldErrors = own?.errors ?? {};
  return {
    open: own !== null,
    errors,
    value: (field: string, saved: string | number | null = "") => (own ? own.values[field] : saved === null ? "" : String(saved)),
  };
}

interface SectionProps {
  area: AreaRow;
  problem: SectionProblem | null;
  csrf: string;
}

const settingsFields: [keyof AreaSettings, string, string][] = [
  [
    "responseThreshold",
    "Signatures needed for a response",
    "When a petition reaches this many confirmed signatures, the organisation it is addressed to owes a response.",
  ],
  [
    "scrutinyThreshold",
    "Signatures needed for a referral to scrutiny",
    "Above this, the petition goes to the overview and scrutiny committee.",
  ],
  ["responseWorkingDays", "Working days to respond to a petition", ""],
  ["petitionDurationDays", "Days a petition stays open", ""],
  ["informationRequestWorkingDays", "Working days to reply to a LINk's request for information", "20 under the LINks Regulations 2008."],
  ["reportWorkingDays", "Working days to reply to a LINk's report or recommendation", "20 under the LINks Regulations 2008."],
  ["referralWorkingDays", "Working days to acknowledge a LINk's referral", "20 under the LINks Directions 2008."],
  ["outcomeOverdueWeeks", "Weeks after a consultation closes before a missing outcome is flagged", ""],
  [
    "signerDataRetentionDays",
    "Days after a petition closes before signers' names, email addresses and postcodes are erased",
    "Signatures stay counted, and the postcode district is kept for the petition's figures.",
  ],
];

export function SettingsSection({ area, settings, problem, csrf }: SectionProps & { settings: AreaSettings }) {
  const form = sectionForm(problem, "settings");
  return (
    <>
      <h2 id="settings">Area defaults</h2>
      <p>
        Organisations use these unless they set their own. Changes apply from now on: petitions already open keep the thresholds they opened
        with.
      </p>
      <Form action={`/admin/areas/${area.slug}/settings`} csrf={csrf}>
        {settingsFields.map(([field, label, hint]) => (
          <TextInput
            key={field}
            name={field}
            label={label}
            hint={hint || undefined}
            inputmode="numeric"
            width={5}
            errors={form.errors}
            value={form.value(field, settings[field] ?? null)}
          />
        ))}
        <Button>Save area defaults</Button>
      </Form>
    </>
  );
}

/** An organisation's own settings: each field, its label (after which the area's value is shown) and its width. */
const organisationFields: [keyof OrganisationSettings, string, 3 | 5][] = [
  ["responseThreshold", "Signatures needed for a response", 5],
  ["scrutinyThreshold", "Signatures needed for scrutiny", 5],
  ["responseWorkingDays", "Working days to respond", 3],
  ["petitionDurationDays", "Days a petition stays open", 3],
];

function OrganisationSettingsForm({
  organisation: o,
  settings,
  problem,
  csrf,
}: Omit<SectionProps, "area"> & { organisation: OrganisationEntry; settings: AreaSettings }) {
  const form = sectionForm(problem, `org-${o.id}`);
  return (
    <details class="nhsuk-details" open={form.open}>
      <summary class="nhsuk-details__summary">
        <span class="nhsuk-details__summary-text">
          {o.name} ({organisationKindLabels[o.kind]})
        </span>
      </summary>
      <div class="nhsuk-details__text">
        <p>Leave a box empty to use the area's default.</p>
        <Form action={`/admin/organisations/${o.id}/settings`} csrf={csrf}>
          {organisationFields.map(([field, label, width]) => (
            <TextInput
              key={field}
              name={field}
              label={`${label} (area: ${settings[field]})`}
              width={width}
              inputmode="numeric"
              errors={form.errors}
              value={form.value(field, o.settings[field])}
            />
          ))}
          <Button variant="secondary">Save {o.name}</Button>
        </Form>
      </div>
    </details>
  );
}

export function OrganisationsSection({
  area,
  settings,
  organisations,
  problem,
  csrf,
}: SectionProps & { settings: AreaSettings; organisations: OrganisationEntry[] }) {
  const form = sectionForm(problem, "organisation");
  return (
    <>
      <h2 id="organisations">Organisations</h2>
      {organisations.map((o) => (
        <OrganisationSettingsForm key={o.id} organisation={o} settings={settings} problem={problem} csrf={csrf} />
      ))}
      <h3>Add an organisation</h3>
      <Form action={`/admin/areas/${area.slug}/organisations`} csrf={csrf}>
        <TextInput name="name" label="Name" errors={form.errors} value={form.value("name")} />
        <Select
          name="kind"
          label="Kind of organisation"
          placeholder="Choose"
          options={organisationKinds.map((k) => ({ value: k, label: organisationKindLabels[k] }))}
          errors={form.errors}
          value={form.value("kind")}
        />
        <TextInput name="email" label="Email address (optional)" type="email" errors={form.errors} value={form.value("email")} />
        <Select
          name="predecessorId"
          label="It replaced (optional)"
          hint="For example, the PCT a clinical commissioning group took over from, or the LINk a HealthWatch replaced."
          placeholder="Nothing"
          options={organisationOptions(organisations)}
          errors={form.errors}
          value={form.value("predecessorId")}
        />
        <Button variant="secondary">Add organisation</Button>
      </Form>
    </>
  );
}

const organisationOptions = (organisations: OrganisationEntry[]) => organisations.map((o) => ({ value: String(o.id), label: o.name }));

/** A member's row: who, where, which role, and the button that removes it. */
function memberCells(m: AreaMember, csrf: string) {
  return [
    <>
      {m.name}
      <br />
      <span class="nhsuk-body-s app-muted">{m.email}</span>
    </>,
    m.organisationName,
    roleLabels[m.role],
    <Form action={`/admin/memberships/${m.membershipId}/remove`} csrf={csrf}>
      <Button variant="secondary" small>
        Remove role
        <span class="nhsuk-u-visually-hidden">
          {" "}
          {roleLabels[m.role]} from {m.name}
        </span>
      </Button>
    </Form>,
  ];
}

export function MembersSection({
  area,
  organisations,
  members,
  problem,
  csrf,
}: SectionProps & { organisations: OrganisationEntry[]; members: AreaMember[] }) {
  const form = sectionForm(problem, "member");
  return (
    <>
      <h2 id="people">People and roles</h2>
      <Table
        caption={`People with roles in ${area.name}`}
        head={["Name", "Organisation", "Role", ""]}
        rows={members.map((m) => memberCells(m, csrf))}
      />
      <h3>Give someone a role</h3>
      <p>They can then sign in with a link sent to this email address.</p>
      <Form action={`/admin/areas/${area.slug}/members`} csrf={csrf}>
        <TextInput name="name" label="Full name" autocomplete="off" errors={form.errors} value={form.value("name")} />
        <TextInput
          name="email"
          label="Email address"
          type="email"
          autocomplete="off"
          spellcheck={false}
          errors={form.errors}
          value={form.value("email")}
        />
        <Select
          name="organisationId"
          label="Organisation"
          placeholder="Choose"
          options={organisationOptions(organisations)}
          errors={form.errors}
          value={form.value("organisationId")}
        />
        <Select
          name="role"
          label="Role"
          placeholder="Choose"
          options={roles.map((r) => ({ value: r, label: roleLabels[r] }))}
          errors={form.errors}
          value={form.value("role")}
        />
        <Button variant="secondary">Give role</Button>
      </Form>
    </>
  );
}
