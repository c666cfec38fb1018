// Canonical form of a page address, so the same page clipped twice is one record.
const TRACKING_PARAMS = [/^utm_/i, /^fbclid$/i, /^gclid$/i, /^dclid$/i, /^msclkid$/i, /^mc_(cid|eid)$/i, /^_ga$/i, /^_gl$/i, /^ref_?src$/i];

/**
 * Lower-cased scheme and host, https preferred, default port and fragment dropped,
 * trailing slash removed (except the root), tracking parameters removed and the
 * rest sorted. Throws TypeError for anything that is not an http(s) address.
 */
export function canonicalUrl(input: string): string {
  const url = new URL(input.trim());
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new TypeError(`Not a web address: ${input}`);
  url.protocol = "https:";
  url.hostname = url.hostname.toLowerCase().replace(/^www\./, "");
  url.port = url.port === "80" || url.port === "443" ? "" : url.port;
  url.hash = "";
  url.username = "";
  url.password = "";
  const kept = [...url.searchParams.entries()]
    .filter(([k]) => !TRACKING_PARAMS.some((re) => re.test(k)))
    .sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  url.search = new URLSearchParams(kept).toString();
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, "") || "/";
  return url.toString();
}
