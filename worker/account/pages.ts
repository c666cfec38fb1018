// Web pages for signing in and out, and the person's own account, one screen a file (screens/).
import { Hono } from "hono";
import type { AppEnv } from "../platform/env";
import { accountScreen } from "./screens/account";
import { confirmScreen } from "./screens/confirm";
import { signInScreen } from "./screens/signIn";
import { signOutScreen } from "./screens/signOut";

export const authPages = new Hono<AppEnv>()
  .route("/", signInScreen)
  .route("/", confirmScreen)
  .route("/", signOutScreen)
  .route("/", accountScreen);
