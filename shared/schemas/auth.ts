// Sign-in, pairing the extension, and who the caller is.
import { z } from "zod";
import { organisationKinds, roles } from "../roles";
import { Email, plainText } from "./common";

export const SignInRequest = z.object({ email: Email }).meta({ id: "SignInRequest" });

/** Where to go once signed in: a path on this site, carried by the sign-in forms (unsafe ones are dropped where it is used). */
const ReturnPath = plainText("single-line", "the page to return to").max(500, { error: "The page to return to is not valid" });

/** The web's sign-in form; a return path that is not valid is dropped rather than shown as an error (it is a hidden field). */
export const SignInForm = SignInRequest.extend({ next: ReturnPath.optional().catch(undefined) });

/** The button behind the link in the sign-in email. */
export const SignInConfirmForm = z.object({
  token: plainText("single-line", "the token").min(1, { error: "The link is not valid" }).max(200, { error: "The link is not valid" }),
  next: ReturnPath.optional(),
});

/** A pairing code as shown on the web: 8 letters and digits, any case, dash and spaces optional. */
export const PairingCode = plainText("single-line", "the pairing code", { missing: "Enter the pairing code shown on the website" })
  .transform((s) => s.replace(/[\s-]/g, "").toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{8}$/, { error: "The pairing code is 8 letters and numbers, like K7MQ-2XDP" }));

export const PairingRequest = z
  .object({
    code: PairingCode,
    label: plainText("single-line", "the label").max(80, { error: "The label must be 80 characters or fewer" }).optional(),
  })
  .meta({ id: "PairingRequest" });

export const Membership = z
  .object({
    organisationId: z.number().int(),
    organisationName: z.string(),
    organisationKind: z.enum(organisationKinds),
    areaId: z.number().int(),
    areaName: z.string(),
    role: z.enum(roles),
  })
  .meta({ id: "Membership" });

export const Me = z
  .object({
    id: z.number().int(),
    name: z.string(),
    email: z.string(),
    memberships: z.array(Membership),
    leadTimes: z.array(z.number().int()),
    dailyDigest: z.boolean(),
  })
  .meta({ id: "Me" });
export type Me = z.infer<typeof Me>;

export const PairingResponse = z
  .object({
    token: z.string().meta({ description: "API token for the Authorization: Bearer header. Shown once." }),
    tokenId: z.number().int(),
    me: Me,
  })
  .meta({ id: "PairingResponse" });
