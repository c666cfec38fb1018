// Pure rules behind consultations, requests and alerts: status at boundary instants, alert moments
// across clock changes, which alert is due, London times typed into forms, due dates in words.
import { describe, expect, it } from "vitest";
import { alertMoment, dueAlerts, isMorningAlert, leadTimesReached, nextAlertAt, type Deadline } from "../../shared/alerts/timing";
import { consultationStatus, isOutcomeOverdue } from "../../shared/consultations/rules";
import { describeClosing } from "../../shared/consultations/status";
import { describeDue, raisingOrganisationId } from "../../shared/obligations/rules";
import { ConsultationForm } from "../../shared/schemas/consultations";
import { ObligationForm } from "../../shared/schemas/obligations";

const at = (iso: string) => new Date(iso);
const MINUTE = 60_000;

describe("consultation status at the moment of reading", () => {
  // 11:59pm on Sunday 29 March 2026, the day the clocks go forward: 22:59 UTC (BST).
  const closes = "2026-03-29T22:59:00.000Z";
  const c = { state: "active", opens_at: "2026-02-01T00:00:00.000Z", closes_at: closes };

  it("is closing soon a minute before closing and closed a minute after, across the clock change", () => {
    expect(consultationStatus(c, new Date(Date.parse(closes) - MINUTE))).toBe("closing_soon");
    expect(consultationStatus(c, at(closes))).toBe("closed");
    expect(consultationStatus(c, new Date(Date.parse(closes) + MINUTE))).toBe("closed");
    // Had the closing been read as GMT (23:59 UTC), 23:00 UTC would still look open.
    expect(consultationStatus(c, at("2026-03-29T23:00:00.000Z"))).toBe("closed");
  });

  it("is upcoming before opening, open, then closing soon within 7 days", () => {
    expect(consultationStatus(c, at("2026-01-31T23:59:00.000Z"))).toBe("upcoming");
    expect(consultationStatus(c, at("2026-02-01T00:00:00.000Z"))).toBe("open");
    expect(consultationStatus(c, new Date(Date.parse(closes) - 7 * 86_400_000 - MINUTE))).toBe("open");
    expect(consultationStatus(c, new Date(Date.parse(closes) - 7 * 86_400_000))).toBe("closing_soon");
    expect(consultationStatus({ ...c, state: "outcome_published" }, at("2026-03-01T00:00:00Z"))).toBe("outcome_published");
  });

  it("counts London calendar days in words across the change", () => {
    expect(describeClosing(closes, at("2026-03-27T12:00:00.000Z"))).toBe("closes in 2 days");
    expect(describeClosing(closes, at("2026-03-29T06:00:00.000Z"))).toBe("closes today");
    expect(describeClosing(closes, at("2026-03-30T08:00:00.000Z"))).toBe("closed yesterday");
  });

  it("flags a missing outcome only after the area's number of weeks", () => {
    const twelveWeeks = Date.parse(closes) + 12 * 7 * 86_400_000;
    expect(isOutcomeOverdue(c, new Date(twelveWeeks), 12)).toBe(false);
    expect(isOutcomeOverdue(c, new Date(twelveWeeks + MINUTE), 12)).toBe(true);
    expect(isOutcomeOverdue(c, new Date(twelveWeeks + MINUTE), 13)).toBe(false);
    expect(isOutcomeOverdue({ ...c, state: "outcome_published" }, new Date(twelveWeeks + MINUTE), 12)).toBe(false);
  });
});

describe("alert moments", () => {
  // Tuesday 31 March 2026, 11:59pm BST.
  const deadline = "2026-03-31T22:59:00.000Z";

  it("go at 07:00 London on the day N days before, in GMT or BST as that day is", () => {
    expect(alertMoment(deadline, 7).toISOString()).toBe("2026-03-24T07:00:00.000Z"); // GMT
    expect(alertMoment(deadline, 2).toISOString()).toBe("2026-03-29T06:00:00.000Z"); // BST, the day of the change
    expect(alertMoment(deadline, 1).toISOString()).toBe("2026-03-30T06:00:00.000Z");
    expect(alertMoment(deadline, 0).toISOString()).toBe("2026-03-31T06:00:00.000Z");
    // Autumn: 07:00 GMT on Sunday 25 October 2026, the day the clocks go back.
    expect(alertMoment("2026-10-26T23:59:00.000Z", 1).toISOString()).toBe("2026-10-25T07:00:00.000Z");
  });

  it("on the day, for a deadline at or before 07:00, go an hour before it instead", () => {
    const early = "2026-06-12T05:30:00.000Z"; // 6:30am BST
    expect(alertMoment(early, 0).toISOString()).toBe("2026-06-12T04:30:00.000Z");
    expect(isMorningAlert(early, 0)).toBe(false);
    expect(isMorningAlert(early, 1)).toBe(true);
    // Midnight at the start of a day: "on the day" is 11pm the evening before, after "the day before" at 7am.
    const midnight = "2026-06-11T23:00:00.000Z"; // 00:00 BST on 12 June
    expect(alertMoment(midnight, 0).toISOString()).toBe("2026-06-11T22:00:00.000Z");
    expect(alertMoment(midnight, 1).toISOString()).toBe("2026-06-11T06:00:00.000Z");
  });

  it("are reached in order, and the extension gets those reached so far", () => {
    const leads = [14, 7, 2, 1, 0];
    expect(leadTimesReached(deadline, leads, at("2026-03-29T05:59:59.999Z"))).toEqual([14, 7]);
    expect(leadTimesReached(deadline, leads, at("2026-03-29T06:00:00.000Z"))).toEqual([14, 7, 2]);
    expect(leadTimesReached(deadline, [0, 14], at("2026-04-01T00:00:00.000Z"))).toEqual([14, 0]);
  });
});

describe("which alert is due", () => {
  const leads = [14, 7, 2, 1, 0];
  const closes: Deadline = { kind: "closes", at: "2026-03-31T22:59:00.000Z" };

  it("the next moment is at or after the time given, across every deadline", () => {
    expect(nextAlertAt([closes], leads, at("2026-03-01T00:00:00Z"))?.toISOString()).toBe("2026-03-17T07:00:00.000Z");
    expect(nextAlertAt([closes], leads, at("2026-03-17T07:00:00.000Z"))?.toISOString()).toBe("2026-03-17T07:00:00.000Z");
    expect(nextAlertAt([closes], leads, at("2026-03-17T07:00:00.001Z"))?.toISOString()).toBe("2026-03-24T07:00:00.000Z");
    const reply: Deadline = { kind: "reply_due", at: "2026-03-20T23:59:59.999Z" };
    expect(nextAlertAt([closes, reply], leads, at("2026-03-17T08:00:00Z"))?.toISOString()).toBe("2026-03-18T07:00:00.000Z");
    expect(nextAlertAt([closes], leads, at("2026-03-31T06:00:00.001Z"))).toBeNull();
    expect(nextAlertAt([], leads, at("2026-03-01T00:00:00Z"))).toBeNull();
  });

  it("sends only the most imminent of several missed alerts, and none for a passed deadline", () => {
    // Watched since 1 March; the scheduler next ran on the morning of 30 March.
    expect(dueAlerts([closes], leads, at("2026-03-01T00:00:00Z"), at("2026-03-30T06:05:00Z"))).toEqual([{ deadline: closes, leadDays: 1 }]);
    // Nothing between the last one handled and now.
    expect(dueAlerts([closes], leads, at("2026-03-30T06:00:00.001Z"), at("2026-03-30T18:00:00Z"))).toEqual([]);
    expect(dueAlerts([closes], leads, at("2026-03-01T00:00:00Z"), at("2026-04-01T00:00:00Z"))).toEqual([]);
  });
});

describe("the consultation form's London dates and times", () => {
  const base = { organisationId: "3", title: "Urgent care", summary: "" };

  it("reads a closing date in GMT before the clocks go forward and in BST after", () => {
    const gmt = ConsultationForm.parse({ ...base, closesDate: "2026-03-28" });
    expect(gmt.closesAt).toBe("2026-03-28T23:59:00.000Z");
    const bst = ConsultationForm.parse({ ...base, closesDate: "2026-03-29" });
    expect(bst.closesAt).toBe("2026-03-29T22:59:00.000Z");
    const timed = ConsultationForm.parse({
      ...base,
      opensDate: "2026-03-02",
      opensTime: "09:30",
      closesDate: "2026-06-12",
      closesTime: "17:00",
    });
    expect(timed.opensAt).toBe("2026-03-02T09:30:00.000Z");
    expect(timed.closesAt).toBe("2026-06-12T16:00:00.000Z");
  });

  it("names the field that is wrong", () => {
    const r = ConsultationForm.safeParse({ ...base, opensDate: "2026-06-12", closesDate: "2026-06-01", closesTime: "25:00" });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toContain("closesTime");
    const order = ConsultationForm.safeParse({ ...base, opensDate: "2026-06-12", closesDate: "2026-06-01" });
    expect(order.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["closesDate", "The closing date must be after the opening date"],
    ]);
  });
});

describe("requests", () => {
  it("describe when they are due in London days", () => {
    const due = "2026-01-15T23:59:59.999Z";
    expect(describeDue(due, at("2026-01-15T09:00:00Z"))).toBe("due today");
    expect(describeDue(due, at("2026-01-14T09:00:00Z"))).toBe("due tomorrow");
    expect(describeDue(due, at("2026-01-12T09:00:00Z"))).toBe("due in 3 days");
    expect(describeDue(due, at("2026-01-16T09:00:00Z"))).toBe("1 day overdue");
    expect(describeDue(due, at("2026-01-20T09:00:00Z"))).toBe("5 days overdue");
  });

  it("are raised by the LINk they are owed to, except a committee's consultation response", () => {
    expect(raisingOrganisationId({ kind: "information_request", owed_by_organisation_id: 4, owed_to_organisation_id: 3 })).toBe(3);
    expect(raisingOrganisationId({ kind: "osc_consultation_response", owed_by_organisation_id: 2, owed_to_organisation_id: 4 })).toBe(2);
  });

  it("take links from numbered form rows, naming the row that is wrong", () => {
    const fields = { kind: "report", owedByOrganisationId: "4", owedToOrganisationId: "3", title: "Ward 7", body: "Our report" };
    const ok = ObligationForm.parse({
      ...fields,
      "links.0.title": "",
      "links.0.url": "",
      "links.1.title": "Report",
      "links.1.url": "https://example.org/r.pdf",
    });
    expect(ok.links).toEqual([{ title: "Report", url: "https://example.org/r.pdf" }]);
    const bad = ObligationForm.safeParse({ ...fields, "links.2.title": "Script", "links.2.url": "javascript:alert(1)" });
    expect(bad.error!.issues.map((i) => i.path.join("."))).toEqual(["links.2.url"]);
  });
});
