// Areas and the organisations in them, as the API shows them.
import { z } from "zod";
import { organisationKinds } from "../roles";

export const Organisation = z
  .object({
    id: z.number().int(),
    areaId: z.number().int(),
    slug: z.string(),
    name: z.string(),
    kind: z.enum(organisationKinds),
    predecessorId: z.number().int().nullable().meta({ description: "The body this one replaced (e.g. the PCT a CCG succeeded)" }),
  })
  .meta({ id: "Organisation" });
export type Organisation = z.infer<typeof Organisation>;

export const Area = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    name: z.string(),
    organisations: z.array(Organisation),
  })
  .meta({ id: "Area" });
export type Area = z.infer<typeof Area>;
