// Web pages for consultations, one screen a file (screens/): the public list and page (with "you said,
// we did"), and the forms to add, change, publish the outcome, withdraw and watch.
import { Hono } from "hono";
import type { AppEnv } from "../../platform/env";
import { consultationScreen } from "./consultation";
import { editScreen } from "./edit";
import { listScreen } from "./list";
import { newScreen } from "./new";
import { outcomeScreen } from "./outcome";

export const consultationPages = new Hono<AppEnv>()
  .route("/", listScreen)
  .route("/", newScreen)
  .route("/", consultationScreen)
  .route("/", editScreen)
  .route("/", outcomeScreen);
