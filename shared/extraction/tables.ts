// Tables of dates, read the way a person reads them: a date under a "Closing Date" heading, in a
// "Closing date" row, or the "Due" or "Target date" of the stage in which the public comment
// ("Public notification", "Consultation") is that period's closing date. Each such cell becomes a
// line the date reader understands ("Closing date: 8 March 2020"); other rows stay one line each.
import { findDateMentions } from "./dates";
import type { DomElement, DomNode } from "./dom";
import { EVENTS, roleFromContext } from "./periods";

type Edge = "opens" | "closes";

/** A stage in which the public responds: its end is the closing date. */
const PUBLIC_STAGE =
  /\b(?:public\s+notification|consultation|representations?|comments?|engagement|survey|feedback|responses?|objections?)\b/i;
/** A column giving when a stage ends. */
const STAGE_END = /\b(?:due|target|deadline|end|finish|by)\b/i;
/** Tables that lay out a page rather than hold data: their cells hold paragraphs, headings or lists. */
const LAYOUT = "table table, td p, td div, td h1, td h2, td h3, td ul, td ol, td br, th p, th div";

const ELEMENT_NODE = 1;

export function isDataTable(table: DomElement): boolean {
  return table.querySelector(LAYOUT) === null;
}

function cellsOf(row: DomElement): DomElement[] {
  return Array.from(row.childNodes as ArrayLike<DomNode>).filter(
    (n): n is DomElement => n.nodeType === ELEMENT_NODE && /^t[hd]$/i.test((n as DomElement).tagName),
  );
}

const edgeOf = (text: string): Edge | null => {
  const role = roleFromContext(`${text} `);
  return role === "opens" || role === "closes" ? role : null;
};

/**
 * The role of a dated cell from its column heading and its row's label (the row's first cell, when
 * that is not a date): a "Closing date" row; a heading such as "Start" or "Due" only in the row of
 * a public stage, since a timetable's other rows are the organisation's own steps.
 */
export function cellRole(label: string | null, heading: string, others: string): Edge | null {
  const fromHeading = edgeOf(heading);
  if (label === null) return fromHeading ?? edgeOf(others);
  const role = roleFromContext(`${label} `);
  if (role === "opens" || role === "closes") return role;
  if (role !== null || !PUBLIC_STAGE.test(label) || EVENTS.test(label)) return null;
  return fromHeading ?? (STAGE_END.test(heading) ? "closes" : null);
}

/** The table as lines: one per dated cell with a role, one per other row; the heading row only labels the cells. */
export function tableLines(table: DomElement, textOf: (cell: DomElement) => string): string[] {
  const lines: string[] = [];
  let headings: string[] = [];
  for (const row of Array.from(table.querySelectorAll("tr"))) {
    const cells = cellsOf(row);
    const texts = cells.map(textOf);
    if (cells.length > 0 && cells.every((c) => c.tagName.toLowerCase() === "th") && !texts.some((t) => findDateMentions(t).length)) {
      headings = texts;
      continue;
    }
    const dated = texts.map((t) => findDateMentions(t).length > 0);
    const label = texts.length > 1 && !dated[0] ? (texts[0] ?? null) : null;
    const others = (i: number) => texts.filter((_, j) => j !== i && !dated[j]).join(" ");
    const roles = texts.map((_, i) => (dated[i] ? cellRole(label, headings[i] ?? "", others(i)) : null));
    // A row that gives a date its role is read as that date alone: its other cells are its labels.
    if (roles.some(Boolean)) {
      for (const [i, role] of roles.entries()) if (role) lines.push(`${role === "closes" ? "Closing date" : "Opening date"}: ${texts[i]}`);
    } else {
      const line = texts.join(" ").trim();
      if (line) lines.push(line);
    }
  }
  return lines;
}
