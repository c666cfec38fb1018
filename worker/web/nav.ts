// The header navigation: which links each person sees, by their roles.
import type { Actor } from "../platform/actor";
import type { Role } from "../../shared/roles";

export interface NavItem {
  href: string;
  label: string;
  /** Shown to everyone when omitted; otherwise to people holding one of these roles. */
  roles?: readonly Role[];
  signedInOnly?: boolean;
}

// Each feature adds its entries here, in the order they should appear.
export const navItems: NavItem[] = [
  { href: "/", label: "Home" },
  { href: "/petitions", label: "Petitions" },
  { href: "/consultations", label: "Consultations" },
  { href: "/clock", label: "Area clock", roles: ["link_member", "osc_clerk", "responder", "admin"] },
  { href: "/obligations", label: "Requests", roles: ["link_member", "osc_clerk", "responder"] },
  { href: "/petitions/moderation", label: "Moderation", roles: ["osc_clerk", "admin"] },
  { href: "/petitions/dashboard", label: "Petitions dashboard", roles: ["osc_clerk", "admin"] },
  { href: "/petitions/inbox", label: "Petitions to answer", roles: ["responder"] },
  { href: "/admin", label: "Administration", roles: ["admin"] },
];

export function navFor(actor: Actor | null): NavItem[] {
  const held = new Set(actor?.memberships.map((m) => m.role) ?? []);
  return navItems.filter((item) => {
    if (item.signedInOnly && !actor) return false;
    return !item.roles || item.roles.some((r) => held.has(r));
  });
}
