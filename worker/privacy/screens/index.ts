// Web pages for data rights, one screen a file (screens/): ask for a link to remove your details, then use it.
import { Hono } from "hono";
import type { AppEnv } from "../../platform/env";
import { removeScreen } from "./remove";
import { requestScreen } from "./request";

export const privacyPages = new Hono<AppEnv>().route("/", requestScreen).route("/", removeScreen);
