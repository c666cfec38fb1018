// The rule for text people type into any field: the one form it is stored in, the characters it may hold,
// and the words for what is wrong. No zod here, so the extension checks its clips with the same rule
// without bundling zod; common.ts builds every schema's text fields on it.

/** A single-line field (names, titles, emails, postcodes, search words) or a multi-line one (a textarea). */
export type Lines = "single-line" | "multi-line";

/** Text as it is checked and stored: NFC, so that "é" typed as e + accent is the same as "é", then trimmed. */
export function normaliseText(text: string): string {
  return text.normalize("NFC").trim();
}

// C0 and C1 control characters (\p{Cc}, NUL included) other than tab, line feed and carriage return, and lone
// surrogates: half a character, which cannot be stored as UTF-8 (with the u flag, \p{Cs} matches only unpaired halves).
const UNACCEPTABLE = /(?![\t\n\r])[\p{Cc}\p{Cs}]/u;
const LINE_BREAKS_AND_TABS = /[\t\n\r\u2028\u2029]/;
// Bidirectional overrides and isolates: they make text read differently from what it is.
const DIRECTION_CHANGES = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * What is wrong with the characters of text (already normalised), in words that start with the field's
 * subject ("Your name", "The title"); null when it may be stored.
 */
export function textProblem(text: string, lines: Lines, subject: string): string | null {
  if (UNACCEPTABLE.test(text)) return `${subject} contains a character we cannot accept`;
  if (lines === "multi-line") return null;
  if (LINE_BREAKS_AND_TABS.test(text)) return `${subject} must not contain line breaks or tabs`;
  if (DIRECTION_CHANGES.test(text)) return `${subject} must not contain hidden characters that change the direction of text`;
  return null;
}

/** A field's label as the subject of a sentence: "a title" → "The title", "your name" → "Your name". */
export function subjectOf(label: string): string {
  const definite = label.replace(/^an? /, "the ");
  return definite.charAt(0).toUpperCase() + definite.slice(1);
}
