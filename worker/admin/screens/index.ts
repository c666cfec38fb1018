// Web pages for administrators, one screen a file (screens/): the areas they administer, and each area's page.
import { Hono } from "hono";
import type { AppEnv } from "../../platform/env";
import { areaScreen } from "./area";
import { areasScreen } from "./areas";

export const adminPages = new Hono<AppEnv>().route("/", areasScreen).route("/", areaScreen);
