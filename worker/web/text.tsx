// Plain text typed by people, shown as paragraphs and never as HTML.
import type { JSX } from "preact";

/** Plain text split into paragraphs at blank lines, each trimmed, empty ones dropped. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Plain text with blank-line paragraphs, rendered as <p> elements (never as HTML). */
export function Paragraphs({ text }: { text: string | null | undefined }): JSX.Element | null {
  if (!text) return null;
  const paragraphs = paragraphsOf(text);
  return (
    <>
      {paragraphs.map((p, i) => (
        <p key={i}>
          {p.split(/\r?\n/).map((line, j, all) => (
            <>
              {line}
              {j < all.length - 1 ? <br /> : null}
            </>
          ))}
        </p>
      ))}
    </>
  );
}
