// Metadata in layers, as web clippers read it: JSON-LD (arrays, @graph, @id references),
// schema.org microdata, then Open Graph, Twitter, Dublin Core and citation_* meta tags.
import type { CalendarDate } from "../time";
import { parseMachineDate, type When } from "./dates";
import { all, collapse, textOf, type DomDocument, type DomElement } from "./dom";

type LdNode = { [key: string]: unknown };

export interface Structured {
  /** The main item's name or headline, else og:title, twitter:title, DC.title, citation_title. */
  title: string | null;
  siteName: string | null;
  description: string | null;
  /** Organisation names stated as organiser, provider, author or publisher, best first. */
  organisations: string[];
  opens: When | null;
  closes: When | null;
  published: CalendarDate | null;
}

const isObject = (v: unknown): v is LdNode => typeof v === "object" && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

function typesOf(node: LdNode): string[] {
  return asArray(node["@type"])
    .filter((t): t is string => typeof t === "string")
    .map((t) => t.replace(/^.*[/#:]/, ""));
}

/** Every JSON-LD node on the page: top-level objects, array members and @graph members. */
function jsonLdNodes(doc: DomDocument): LdNode[] {
  const nodes: LdNode[] = [];
  const add = (value: unknown) => {
    for (const item of asArray(value)) {
      if (!isObject(item)) continue;
      if (item["@graph"]) add(item["@graph"]);
      if (item["@type"]) nodes.push(item);
    }
  };
  for (const script of all(doc, 'script[type*="ld+json"]')) {
    try {
      add(JSON.parse(script.textContent ?? ""));
    } catch {
      // A broken block is skipped; the rest of the page still counts.
    }
  }
  return nodes;
}

/** Microdata items as JSON-LD-like nodes, so both are read the same way. */
function microdataNodes(doc: DomDocument): LdNode[] {
  const toNode = (scope: DomElement): LdNode => {
    const node: LdNode = { "@type": (scope.getAttribute("itemtype") ?? "").split(/\s+/).filter(Boolean) };
    for (const el of all(scope, "[itemprop]")) {
      if (el.parentElement?.closest("[itemscope]") !== scope) continue;
      const value = el.hasAttribute("itemscope")
        ? toNode(el)
        : (el.getAttribute("content") ??
          el.getAttribute("datetime") ??
          (/^(a|link)$/i.test(el.tagName) ? el.getAttribute("href") : null) ??
          textOf(el));
      for (const name of (el.getAttribute("itemprop") ?? "").split(/\s+/).filter(Boolean)) {
        if (node[name] === undefined) node[name] = value;
      }
    }
    return node;
  };
  return all(doc, "[itemscope][itemtype]")
    .filter((el) => !el.hasAttribute("itemprop"))
    .map(toNode);
}

/** Meta tags by lower-cased name, property or itemprop: the first value of each. */
function metaTags(doc: DomDocument): Map<string, string> {
  const meta = new Map<string, string>();
  for (const el of all(doc, "meta[content]")) {
    const key = (el.getAttribute("name") ?? el.getAttribute("property") ?? el.getAttribute("itemprop") ?? "").toLowerCase().trim();
    const content = collapse(el.getAttribute("content"));
    if (key && content && !meta.has(key)) meta.set(key, content);
  }
  return meta;
}

const firstMeta = (meta: Map<string, string>, keys: string[]): string | null => {
  for (const key of keys) {
    const value = meta.get(key);
    if (value) return value;
  }
  return null;
};

const KIND_PRIORITY: [RegExp, number][] = [
  [/Event$/, 4],
  [/^(GovernmentService|Service)$/, 3],
  [/^(Article|NewsArticle|Report|BlogPosting|ScholarlyArticle|DigitalDocument|CreativeWork|Legislation)$/, 2],
  [/Page$/, 1],
];

function kindPriority(node: LdNode): number {
  let best = 0;
  for (const t of typesOf(node)) for (const [re, p] of KIND_PRIORITY) if (re.test(t) && p > best) best = p;
  return best;
}

const normal = (s: string) => collapse(s).toLowerCase();

function nameOf(value: unknown, byId: Map<string, LdNode>): string | null {
  for (const item of asArray(value)) {
    if (typeof item === "string") {
      const text = collapse(item);
      if (text && !/^https?:\/\//i.test(text)) return text;
      continue;
    }
    if (!isObject(item) || typesOf(item).includes("Person")) continue;
    const target = typeof item["@id"] === "string" && !item.name ? (byId.get(item["@id"]) ?? item) : item;
    const name =
      typeof target.name === "string" ? collapse(target.name) : typeof target.legalName === "string" ? collapse(target.legalName) : "";
    if (name) return name;
  }
  return null;
}

const text = (v: unknown): string | null => (typeof v === "string" && collapse(v) ? collapse(v) : null);

/** Dublin Core period: "start=2024-06-01; end=2024-08-24;". */
function dcmiPeriod(value: string | null): { start: When | null; end: When | null } {
  const part = (name: string) => new RegExp(`${name}=([^;]+)`, "i").exec(value ?? "")?.[1] ?? null;
  return { start: parseMachineDate(part("start")), end: parseMachineDate(part("end")) };
}

export function readStructured(doc: DomDocument): Structured {
  const nodes = [...jsonLdNodes(doc), ...microdataNodes(doc)];
  const byId = new Map<string, LdNode>();
  for (const node of nodes) if (typeof node["@id"] === "string") byId.set(node["@id"], node);
  const meta = metaTags(doc);
  const heading = normal(textOf(doc.querySelector("h1")));

  // The page's main item: an event, a service, an article or the page itself. With a heading on
  // the page, only an item named like it ("X" or "X - Site") is the page's subject: an event
  // elsewhere on a consultation page is a drop-in session, not the consultation.
  const nameLike = (n: LdNode) => {
    const name = normal(text(n.name) ?? text(n.headline) ?? "");
    return !heading || (!!name && (name.startsWith(heading) || heading.startsWith(name)));
  };
  const score = (n: LdNode) => kindPriority(n) + (normal(text(n.name) ?? text(n.headline) ?? "") === heading ? 10 : 0);
  const main = nodes
    .filter((n) => kindPriority(n) > 0 && nameLike(n))
    .reduce<LdNode | null>((best, n) => (!best || score(n) > score(best) ? n : best), null);
  const site = nodes.find((n) => typesOf(n).includes("WebSite"));

  const organisations: string[] = [];
  const addOrg = (v: unknown) => {
    const name = nameOf(v, byId);
    if (name && !organisations.includes(name)) organisations.push(name);
  };
  // A news story's publisher is the newspaper, not the body consulting.
  const isNews = (n: LdNode) => typesOf(n).some((t) => /NewsArticle$|^NewsMediaOrganization$/.test(t));
  if (main)
    for (const key of ["organizer", "provider", "serviceOperator", "author", "publisher", "sourceOrganization", "creator"])
      if (key !== "publisher" || !isNews(main)) addOrg(main[key]);
  if (site) addOrg(site.publisher);
  for (const n of nodes) if (typesOf(n).some((t) => /Organi[sz]ation$/.test(t)) && !isNews(n)) addOrg(n);
  for (const key of [
    "dc.publisher",
    "dcterms.publisher",
    "citation_publisher",
    "dc.creator",
    "dcterms.creator",
    "article:publisher",
    "author",
  ]) {
    addOrg(meta.get(key));
  }

  const isEvent = !!main && typesOf(main).some((t) => /Event$/.test(t));
  const period = dcmiPeriod(firstMeta(meta, ["dcterms.valid", "dc.date.valid"]));
  const publishedText =
    (main && text(main.datePublished)) ??
    firstMeta(meta, [
      "article:published_time",
      "og:article:published_time",
      "govuk:first-published-at",
      "dcterms.issued",
      "dc.date.issued",
      "citation_publication_date",
      "citation_date",
      "dcterms.created",
      "dc.date",
      "date",
    ]);

  return {
    title:
      (main && (text(main.name) ?? text(main.headline))) ??
      firstMeta(meta, ["og:title", "twitter:title", "dc.title", "dcterms.title", "citation_title"]),
    siteName: (site && text(site.name)) ?? firstMeta(meta, ["og:site_name", "application-name"]),
    description:
      firstMeta(meta, ["og:description", "description", "twitter:description", "dc.description", "dcterms.description"]) ??
      (main && text(main.description)),
    organisations,
    opens: (isEvent ? parseMachineDate(text(main!.startDate)) : null) ?? period.start,
    closes:
      (isEvent ? parseMachineDate(text(main!.endDate)) : null) ??
      parseMachineDate(main && text(main.expires)) ??
      period.end ??
      parseMachineDate(meta.get("article:expiration_time")),
    published: parseMachineDate(publishedText)?.date ?? null,
  };
}
