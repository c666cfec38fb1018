// The home page and the short pages about the service, one screen a file (screens/).
import { Hono } from "hono";
import type { AppEnv } from "../../platform/env";
import { aboutScreen } from "./about";
import { homeScreen } from "./home";
import { privacyScreen } from "./privacy";

export const homePages = new Hono<AppEnv>().route("/", homeScreen).route("/", aboutScreen).route("/", privacyScreen);
