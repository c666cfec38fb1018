// Web pages for administrators, one screen a file (screens/): the areas they administer, and each area's page.
import { Hono } from "hono";
import type { AppEnv } from "../platform/env";
import { areaScreen } from "./screens/area";
import { areasScreen } from "./screens/areas";

export const adminPages = new Hono<AppEnv>().route("/", areasScreen).route("/", areaScreen);
