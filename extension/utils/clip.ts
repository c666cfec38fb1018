// From the clip form to the clip the API takes, checked by the server's own schemas: the web form's
// (ConsultationForm: London dates and times as typed) and the clip route's body (ConsultationInput).
// Runs in the background service worker only (the popup asks it through messages.ts): zod would
// take the popup past its size budget.
import type { z } from "zod";
import { ConsultationForm, ConsultationInput } from "#shared/schemas/consultations";
import { type Draft, type DraftErrors, draftErrorsFromServer } from "./draft";
import type { Clip } from "./outbox";

/** Field → its first message, named as the server names them in its errors (worker/validation.ts). */
function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.map(String).join(".") || "_body"] ??= issue.message;
  return fields;
}

/** The draft as the API takes it, or the problems to fix first (in the form's own field names). */
export function clipFromDraft(draft: Draft, clientId: string): { clip: Clip } | { errors: DraftErrors } {
  const form = ConsultationForm.safeParse(draft);
  const area = ConsultationInput.shape.areaId.safeParse(draft.areaId);
  if (!form.success || !area.success) {
    return {
      errors: { ...(area.success ? {} : { areaId: area.error.issues[0]?.message }), ...(form.success ? {} : fieldErrors(form.error)) },
    };
  }
  const input = ConsultationInput.safeParse({ ...form.data, clientId, areaId: area.data });
  if (!input.success) return { errors: draftErrorsFromServer(fieldErrors(input.error)) };
  return { clip: { ...input.data, clientId } };
}
