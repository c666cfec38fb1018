// Web pages for alerts and email delivery, one screen a file (screens/): the administrators' log of emails not delivered.
import { Hono } from "hono";
import type { AppEnv } from "../../platform/env";
import { deliveriesScreen } from "./deliveries";

export const alertPages = new Hono<AppEnv>().route("/", deliveriesScreen);
