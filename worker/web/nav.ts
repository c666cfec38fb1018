// The header navigation: which links each person sees, by their roles.
import type { Actor } from "../auth/actor";
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
  { href: "/consultations", label: "Consultations" },
  { href: "/obligations", label: "Requests", roles: ["link_member", "osc_clerk", "responder"] },
  { href: "/clock", label: "Area clock", roles: ["link_member", "osc_clerk", "responder", "admin"] },
  { href: "/admin", label: "Administration", roles: ["admin"] },
];

export function navFor(actor: Actor | null): NavItem[] {
  const held = new Set(actor?.memberships.map((m) => m.role) ?? []);
  return navItems.filter((item) => {
    if (item.signedInOnly && !actor) return false;
    return !item.roles || item.roles.some((r) => held.has(r));
  });
}
