// The page frame: NHS.UK header (service name, no NHS logo), navigation by role, footer.
import type { ComponentChildren } from "preact";
import { roleLabels } from "../../shared/roles";
import type { Actor } from "../platform/actor";
import { Form } from "./forms";
import { NotificationBanner } from "./notices";
import { navFor } from "./nav";
import type { PageContext } from "./render";

export const SERVICE_NAME = "Health involvement tracker";

function AccountNav({ actor, csrf }: { actor: Actor | null; csrf: string }) {
  if (!actor) {
    return (
      <nav class="nhsuk-header__account" aria-label="Account">
        <ul class="nhsuk-header__account-list">
          <li class="nhsuk-header__account-item">
            <a class="nhsuk-header__account-link" href="/sign-in">
              Sign in
            </a>
          </li>
        </ul>
      </nav>
    );
  }
  const first = actor.memberships[0];
  const more = actor.memberships.length - 1;
  return (
    <nav class="nhsuk-header__account" aria-label="Account">
      <ul class="nhsuk-header__account-list">
        <li class="nhsuk-header__account-item">
          <a class="nhsuk-header__account-link" href="/account">
            {actor.name}
          </a>
        </li>
        {first ? (
          <li class="nhsuk-header__account-item">
            {roleLabels[first.role]}, {first.organisationName}
            {more > 0 ? ` (and ${more} more)` : ""}
          </li>
        ) : null}
        <li class="nhsuk-header__account-item">
          <Form action="/sign-out" csrf={csrf} class="nhsuk-header__account-form">
            <button class="nhsuk-header__account-button" type="submit">
              Sign out
            </button>
          </Form>
        </li>
      </ul>
    </nav>
  );
}

function isCurrent(href: string, path: string): boolean {
  return href === "/" ? path === "/" : path === href || path.startsWith(`${href}/`);
}

/** The header's menu: the links this person sees, the most specific one that matches the path marked current. */
function MainNav({ actor, path }: { actor: Actor | null; path: string }) {
  const items = navFor(actor);
  // The most specific matching link is the current one (/petitions/dashboard, not also /petitions).
  const currentHref = items.filter((item) => isCurrent(item.href, path)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav class="nhsuk-header__navigation" aria-label="Menu">
      <div class="nhsuk-header__navigation-container nhsuk-width-container">
        <ul class="nhsuk-header__navigation-list">
          {items.map((item) => {
            const current = item.href === currentHref;
            return (
              <li key={item.href} class={`nhsuk-header__navigation-item${current ? " nhsuk-header__navigation-item--current" : ""}`}>
                <a class="nhsuk-header__navigation-link" href={item.href} aria-current={current ? "page" : undefined}>
                  {current ? <strong class="nhsuk-header__navigation-item-current-fallback">{item.label}</strong> : item.label}
                </a>
              </li>
            );
          })}
          <li class="nhsuk-header__menu" hidden>
            <button type="button" class="nhsuk-header__menu-toggle nhsuk-header__navigation-link" id="toggle-menu" aria-expanded="false">
              <span class="nhsuk-u-visually-hidden">Browse </span>More
            </button>
          </li>
        </ul>
      </div>
    </nav>
  );
}

function Header({ ctx }: { ctx: PageContext }) {
  return (
    <header class="nhsuk-header" data-module="nhsuk-header" role="banner">
      <div class="nhsuk-header__container nhsuk-width-container">
        <div class="nhsuk-header__service">
          <a class="nhsuk-header__service-logo app-service-link" href="/">
            <span class="nhsuk-header__service-name">{SERVICE_NAME}</span>
          </a>
        </div>
        <AccountNav actor={ctx.actor} csrf={ctx.csrf} />
      </div>
      <MainNav actor={ctx.actor} path={ctx.path} />
    </header>
  );
}

function FooterLink({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <li class="nhsuk-footer__list-item">
      <a class="nhsuk-footer__list-item-link" href={href}>
        {children}
      </a>
    </li>
  );
}

function Footer() {
  return (
    <footer class="nhsuk-footer" role="contentinfo">
      <div class="nhsuk-width-container">
        <div class="nhsuk-footer__meta">
          <h2 class="nhsuk-u-visually-hidden">Support links</h2>
          <ul class="nhsuk-footer__list">
            <FooterLink href="/about">About this service</FooterLink>
            <FooterLink href="/privacy">Privacy</FooterLink>
            <FooterLink href="/api/v1/docs">API for developers</FooterLink>
          </ul>
          <p class="nhsuk-body-s">Local health involvement: petitions, consultations and requests.</p>
        </div>
      </div>
    </footer>
  );
}

export function Layout({ ctx, title, children, wide }: { ctx: PageContext; title: string; children: ComponentChildren; wide?: boolean }) {
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${SERVICE_NAME}`}</title>
        <link rel="stylesheet" href="/assets/nhsuk/nhsuk-frontend.min.css" />
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="icon" href="/assets/images/favicon.svg" type="image/svg+xml" />
        <script type="module" src="/assets/app.js" />
      </head>
      <body>
        <a class="nhsuk-skip-link" data-module="nhsuk-skip-link" href="#maincontent">
          Skip to main content
        </a>
        <Header ctx={ctx} />
        <div class={wide ? "nhsuk-width-container-fluid app-wide" : "nhsuk-width-container"}>
          {ctx.localDev ? (
            <p class="app-dev-banner nhsuk-body-s">
              Local development copy: emails are not sent but listed in the <a href="/dev/outbox">outbox</a>.{" "}
              <a href="/dev/sign-in">Sign in as a demo person</a>.
            </p>
          ) : null}
          <main class="nhsuk-main-wrapper" id="maincontent" role="main">
            {ctx.flash ? (
              <NotificationBanner success>
                <p class="nhsuk-notification-banner__heading">{ctx.flash}</p>
              </NotificationBanner>
            ) : null}
            {children}
          </main>
        </div>
        <Footer />
      </body>
    </html>
  );
}
