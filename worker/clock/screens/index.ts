// Web pages of the area clock, one screen a file (screens/), and the calendar feeds they hand out.
import { Hono } from "hono";
import type { AppEnv } from "../../platform/env";
import { calendarFeed } from "../feeds";
import { areaClockScreen } from "./area";
import { organisationClockScreen } from "./organisation";
import { startScreen } from "./start";

export const clockPages = new Hono<AppEnv>()
  .route("/", startScreen)
  .route("/", organisationClockScreen)
  .route("/", areaClockScreen)
  .route("/", calendarFeed);
