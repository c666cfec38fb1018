// Web pages for signing in and out, and the person's own account, one screen a file (screens/).
import { Hono } from "hono";
import type { AppEnv } from "../../platform/env";
import { accountScreen } from "./account";
import { confirmScreen } from "./confirm";
import { signInScreen } from "./signIn";
import { signOutScreen } from "./signOut";

export const authPages = new Hono<AppEnv>()
  .route("/", signInScreen)
  .route("/", confirmScreen)
  .route("/", signOutScreen)
  .route("/", accountScreen);
