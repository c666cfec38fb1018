// Signers' details: one signature per person (canonical email) and postcodes in one form (district for the public counts).

/** A signature counts once confirmed by its email link; invalidated ones are taken back out of the count. */
export const signatureStates = ["pending", "confirmed", "invalidated"] as const;
export type SignatureState = (typeof signatureStates)[number];

const GMAIL_DOMAINS = new Set(["gmail.com", "googlemail.com"]);

/**
 * The form of an email address used to catch the same person signing twice: lower-case;
 * for Gmail (and googlemail) dots and anything after a "+" in the name are ignored, as
 * Gmail ignores them; for other providers only a "+tag" is dropped.
 */
export function canonicalEmail(email: string): string {
  const lower = email.trim().toLowerCase();
  const at = lower.lastIndexOf("@");
  if (at <= 0) return lower;
  let local = lower.slice(0, at);
  let domain = lower.slice(at + 1);
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replace(/\./g, "");
    domain = "gmail.com";
  }
  return `${local}@${domain}`;
}

// Outward code: A9, A99, AA9, AA99, A9A or AA9A; inward code: 9AA. Letters that never
// appear in a position are excluded (as the Royal Mail format rules say). GIR 0AA is the one exception.
const OUTWARD = "(?:[A-PR-UWYZ](?:\\d{1,2}|[A-HK-Y]\\d{1,2}|\\d[A-HJKPSTUW]|[A-HK-Y]\\d[ABEHMNPRV-Y])|GIR)";
const INWARD = "(?:\\d[ABD-HJLNP-UW-Z]{2})";
const POSTCODE_RE = new RegExp(`^(${OUTWARD})(${INWARD})$`);

/** "nr1 1aa", "NR11AA", " NR1  1AA " -> "NR1 1AA"; null when it is not a UK postcode. */
export function normalisePostcode(input: string): string | null {
  const compact = input.replace(/\s+/g, "").toUpperCase();
  const match = POSTCODE_RE.exec(compact);
  if (!match) return null;
  if (match[1] === "GIR" && match[2] !== "0AA") return null;
  return `${match[1]} ${match[2]}`;
}

/** The outward code ("NR1" of "NR1 1AA"): the postcode district shown in public counts. */
export function postcodeDistrict(normalised: string): string {
  return normalised.split(" ")[0]!;
}
