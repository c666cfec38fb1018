// Using a sign-in link: the button that finishes signing in, and the page for a link that does not work.
import { Hono } from "hono";
import { SignInConfirmForm } from "../../../shared/schemas/auth";
import { publicAccess } from "../../auth/middleware";
import { startSession } from "../../auth/session";
import { depsOf } from "../../platform/deps";
import type { AppEnv } from "../../platform/env";
import { parseForm } from "../../platform/validation";
import { Button, Form } from "../../web/components";
import { Layout } from "../../web/layout";
import { type PageContext, pageContext, redirectWithFlash, renderPage } from "../../web/render";
import { type RedeemResult, redeemSignInToken, SIGN_IN_LINK_MINUTES } from "../signIn";
import { safeNext } from "./signIn";

export interface ConfirmView {
  page: PageContext;
  token: string;
  next: string | undefined;
}

export function ConfirmPage({ page, token, next }: ConfirmView) {
  return (
    <Layout ctx={page} title="Sign in">
      <h1>Sign in</h1>
      <p>Select the button to finish signing in on this device.</p>
      <Form action="/sign-in/confirm" csrf={page.csrf}>
        <input type="hidden" name="token" value={token} />
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <Button>Continue</Button>
      </Form>
    </Layout>
  );
}

type LinkProblem = Extract<RedeemResult, { ok: false }>["reason"];

const why: Record<LinkProblem, string> = {
  invalid: "This sign-in link is not valid. It may have been copied incompletely.",
  expired: `This sign-in link has expired. Links last ${SIGN_IN_LINK_MINUTES} minutes.`,
  used: "This sign-in link has already been used. Each link works once.",
};

export function LinkProblemPage({ page, reason }: { page: PageContext; reason: LinkProblem }) {
  return (
    <Layout ctx={page} title="Sign-in link problem">
      <h1>We could not sign you in</h1>
      <p>{why[reason]}</p>
      <p>
        <a href="/sign-in">Ask for a new sign-in link</a>.
      </p>
    </Layout>
  );
}

export const confirmScreen = new Hono<AppEnv>()
  // Opening the link shows a button rather than signing in at once, so that email
  // scanners which follow links do not use it up.
  .get("/sign-in/confirm", publicAccess, async (c) => {
    const token = c.req.query("token") ?? "";
    const next = safeNext(c.req.query("next"));
    const page = await pageContext(c);
    c.header("Referrer-Policy", "no-referrer");
    return renderPage(c, <ConfirmPage page={page} token={token} next={next} />);
  })
  .post("/sign-in/confirm", publicAccess, async (c) => {
    const form = await parseForm(c, SignInConfirmForm);
    const result: RedeemResult = form.ok ? await redeemSignInToken(depsOf(c), form.data.token) : { ok: false, reason: "invalid" };
    if (!result.ok) return renderPage(c, <LinkProblemPage page={await pageContext(c)} reason={result.reason} />, 400);
    await startSession(c, result.personId);
    return redirectWithFlash(c, (form.ok && safeNext(form.data.next)) || "/account", "You are signed in.");
  });
