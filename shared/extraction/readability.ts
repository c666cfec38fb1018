// Mozilla Readability as the finder of a page's main text, for extractConsultation's
// `mainContent` option. Kept out of the core so a bundle that does without it stays small
// (Readability is about 12 KB gzipped).
import { Readability } from "@mozilla/readability";
import type { DomDocument, DomElement } from "./dom";

/** The article's main content as Readability finds it, read from a copy (Readability changes the document it reads). */
export function readabilityContent(doc: DomDocument): DomElement | null {
  // Readability's types name the DOM's Document; ours is the structural part of it the core relies on.
  const copy = doc.cloneNode(true) as ConstructorParameters<typeof Readability>[0];
  const article = new Readability<DomElement>(copy, { serializer: (node) => node as unknown as DomElement, charThreshold: 200 }).parse();
  return article?.content ?? null;
}
