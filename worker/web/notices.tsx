// Notices: tags, banners, inset text and warning callouts.
import type { ComponentChildren } from "preact";

export type TagColour = "white" | "grey" | "green" | "aqua-green" | "blue" | "purple" | "pink" | "red" | "orange" | "yellow";

export function Tag({ children, colour }: { children: ComponentChildren; colour?: TagColour }) {
  return <strong class={`nhsuk-tag${colour ? ` nhsuk-tag--${colour}` : ""}`}>{children}</strong>;
}

export function NotificationBanner({
  title = "Important",
  success,
  children,
}: {
  title?: string;
  success?: boolean;
  children: ComponentChildren;
}) {
  return (
    <div
      class={`nhsuk-notification-banner${success ? " nhsuk-notification-banner--success" : ""}`}
      data-module="nhsuk-notification-banner"
      role={success ? "alert" : "region"}
      aria-labelledby="nhsuk-notification-banner-title"
    >
      <div class="nhsuk-notification-banner__header">
        <h2 class="nhsuk-notification-banner__title" id="nhsuk-notification-banner-title">
          {success ? "Success" : title}
        </h2>
      </div>
      <div class="nhsuk-notification-banner__content">{children}</div>
    </div>
  );
}

export function InsetText({ children }: { children: ComponentChildren }) {
  return (
    <div class="nhsuk-inset-text">
      <span class="nhsuk-u-visually-hidden">Information: </span>
      {children}
    </div>
  );
}

export function WarningCallout({ heading, children }: { heading: string; children: ComponentChildren }) {
  return (
    <div class="nhsuk-warning-callout">
      <h3 class="nhsuk-warning-callout__label">
        <span class="nhsuk-u-visually-hidden">Important: </span>
        {heading}
      </h3>
      {children}
    </div>
  );
}

/** On a local copy, emails are not sent: this says where to find the link one would have carried. */
export function LocalOutboxNote({ localDev }: { localDev: boolean }) {
  if (!localDev) return null;
  return (
    <InsetText>
      <p>
        This is a local copy: open the <a href="/dev/outbox">outbox</a> to find the link.
      </p>
    </InsetText>
  );
}
