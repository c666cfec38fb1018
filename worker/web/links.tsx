// Links between pages: pagination and the back link.
import type { ComponentChildren } from "preact";

function PageLink({ href, direction }: { href: string; direction: "previous" | "next" }) {
  const rel = direction === "previous" ? "prev" : "next";
  return (
    <li class={`nhsuk-pagination-item--${direction}`}>
      <a class={`nhsuk-pagination__link nhsuk-pagination__link--${rel}`} href={href} rel={rel}>
        <span class="nhsuk-pagination__title">
          {direction === "previous" ? "Previous" : "Next"}
          <span class="nhsuk-u-visually-hidden"> page</span>
        </span>
      </a>
    </li>
  );
}

export function Pagination({ previous, next }: { previous?: string | null; next?: string | null }) {
  if (!previous && !next) return null;
  return (
    <nav class="nhsuk-pagination" role="navigation" aria-label="Pagination">
      <ul class="nhsuk-list nhsuk-pagination__list">
        {previous ? <PageLink href={previous} direction="previous" /> : null}
        {next ? <PageLink href={next} direction="next" /> : null}
      </ul>
    </nav>
  );
}

export function BackLink({ href, children = "Back" }: { href: string; children?: ComponentChildren }) {
  return (
    <div class="nhsuk-back-link">
      <a class="nhsuk-back-link__link" href={href}>
        {children}
      </a>
    </div>
  );
}
