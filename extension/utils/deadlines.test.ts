import { describe, expect, it } from "vitest";
import type { AlertItem } from "#shared/schemas/watches";
import { closingSoonCount, describeDeadline, urgencyOf } from "./deadlines";

const now = new Date("2026-03-10T10:00:00Z");
const item = (over: Partial<AlertItem>): AlertItem => ({
  key: "k",
  watchId: 1,
  targetKind: "consultation",
  targetId: 1,
  title: "T",
  deadlineKind: "closes",
  deadlineAt: "2026-03-12T23:59:00Z",
  webUrl: "https://tracker.example/consultations/1",
  url: null,
  leadTimesReached: [],
  ...over,
});

describe("deadlines in words", () => {
  it("counts London calendar days and says overdue once passed", () => {
    expect(describeDeadline("closes", "2026-03-11T12:00:00Z", now)).toBe("closes tomorrow");
    expect(describeDeadline("closes", "2026-03-13T12:00:00Z", now)).toBe("closes in 3 days");
    expect(describeDeadline("reply_due", "2026-03-10T23:00:00Z", now)).toBe("reply due today");
    expect(describeDeadline("response_due", "2026-03-09T23:00:00Z", now)).toBe("response due: overdue");
    expect(describeDeadline("closes", "2026-03-09T23:00:00Z", now)).toBe("closed yesterday");
  });

  it("grades urgency for the list's colours", () => {
    expect(urgencyOf("2026-03-10T09:00:00Z", now)).toBe("past");
    expect(urgencyOf("2026-03-11T09:00:00Z", now)).toBe("urgent");
    expect(urgencyOf("2026-03-15T09:00:00Z", now)).toBe("soon");
    expect(urgencyOf("2026-03-30T09:00:00Z", now)).toBe("later");
  });

  it("counts on the badge each record closing within 7 days once, and nothing else", () => {
    const items = [
      item({ targetId: 1, deadlineAt: "2026-03-11T23:59:00Z" }),
      item({ targetId: 1, key: "again", deadlineAt: "2026-03-12T23:59:00Z" }),
      item({ targetId: 2, deadlineAt: "2026-03-17T09:59:00Z" }),
      item({ targetId: 3, deadlineAt: "2026-03-17T10:01:00Z" }),
      item({ targetId: 4, deadlineAt: "2026-03-09T23:59:00Z" }),
      item({ targetId: 5, deadlineKind: "reply_due", targetKind: "obligation", deadlineAt: "2026-03-11T23:59:00Z" }),
    ];
    expect(closingSoonCount(items, now)).toBe(2);
  });
});
