// Web pages for statutory requests, one screen a file (screens/): the list, raising one, and one request's page.
import { Hono } from "hono";
import type { AppEnv } from "../../platform/env";
import { listScreen } from "./list";
import { obligationScreen } from "./obligation";
import { raiseScreen } from "./raise";

export const obligationPages = new Hono<AppEnv>().route("/", listScreen).route("/", raiseScreen).route("/", obligationScreen);
