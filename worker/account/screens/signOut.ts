// Signing out (the button in every page's header): the session ends, and the audit log says who left.
import { Hono } from "hono";
import { publicAccess } from "../../auth/middleware";
import { endSession } from "../../auth/session";
import { depsOf } from "../../platform/deps";
import type { AppEnv } from "../../platform/env";
import { redirectWithFlash } from "../../web/render";
import { recordSignOut } from "../service";

export const signOutScreen = new Hono<AppEnv>().post("/sign-out", publicAccess, async (c) => {
  if (c.var.caller) await recordSignOut(depsOf(c), c.var.caller);
  await endSession(c);
  return redirectWithFlash(c, "/", "You are signed out.");
});
