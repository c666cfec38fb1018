// Data rights: asking for one's personal details to be removed.
import { z } from "zod";
import { Email } from "./common";

export const ErasureRequestForm = z.object({ email: Email }).meta({ id: "ErasureRequestForm" });
export type ErasureRequestForm = z.infer<typeof ErasureRequestForm>;
