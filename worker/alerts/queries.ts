// Reading the delivery log for administrators: emails that failed every retry, by area.
import type { NotNull } from "kysely";
import type { DB } from "../platform/db";

/** Failed messages to people with a role in the area, and those to no person (an organisation's address, the public). */
export function failedInArea(db: DB, areaId: number) {
  return db
    .selectFrom("outbox as m")
    .leftJoin("people as p", "p.id", "m.person_id")
    .select([
      "m.id",
      "m.to_email",
      "m.subject",
      "m.category",
      "m.attempts",
      "m.last_error",
      "m.failed_at",
      "m.created_at",
      "p.name as person_name",
    ])
    .where("m.failed_at", "is not", null)
    .where((eb) =>
      eb.or([
        eb("m.person_id", "is", null),
        eb(
          "m.person_id",
          "in",
          eb
            .selectFrom("memberships as ms")
            .innerJoin("organisations as o", "o.id", "ms.organisation_id")
            .select("ms.person_id")
            .where("o.area_id", "=", areaId),
        ),
      ]),
    )
    .$narrowType<{ failed_at: NotNull }>();
}

export type FailedEmail = Awaited<ReturnType<ReturnType<typeof failedInArea>["executeTakeFirstOrThrow"]>>;
