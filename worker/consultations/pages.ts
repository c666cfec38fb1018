// Web pages for consultations, one screen a file (screens/): the public list and page (with "you said,
// we did"), and the forms to add, change, publish the outcome, withdraw and watch.
import { Hono } from "hono";
import type { AppEnv } from "../platform/env";
import { consultationScreen } from "./screens/consultation";
import { editScreen } from "./screens/edit";
import { listScreen } from "./screens/list";
import { newScreen } from "./screens/new";
import { outcomeScreen } from "./screens/outcome";

export const consultationPages = new Hono<AppEnv>()
  .route("/", listScreen)
  .route("/", newScreen)
  .route("/", consultationScreen)
  .route("/", editScreen)
  .route("/", outcomeScreen);
