// Asking for a sign-in link: the form, and the page that says to check your email.
import { Hono } from "hono";
import { SignInForm } from "../../../shared/schemas/auth";
import { publicAccess } from "../../auth/middleware";
import { depsOf } from "../../platform/deps";
import type { AppEnv } from "../../platform/env";
import { clientIpHash, parseForm } from "../../platform/validation";
import { Button, ErrorSummary, Form, LocalOutboxNote, type Problem, TextInput } from "../../web/components";
import { Layout } from "../../web/layout";
import { type PageContext, pageContext, renderPage } from "../../web/render";
import { emailSignInLink, isSafeNext, SIGN_IN_LINK_MINUTES } from "../signIn";

/** The form; `next` is where to go once signed in (a same-site path), and a problem when it comes back to be corrected. */
export interface SignInView {
  page: PageContext;
  next: string | undefined;
  problem: Problem | null;
}

export function SignInPage({ page, next, problem }: SignInView) {
  const errors = problem?.errors ?? {};
  return (
    <Layout ctx={page} title="Sign in">
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1>Sign in</h1>
          <p>
            We will email you a link to sign in. There is no password to remember. You only need to sign in if you work with a LINk, a
            council, or an NHS organisation. Anyone can read petitions and consultations, or sign a petition, without an account.
          </p>
          <Form action="/sign-in" csrf={page.csrf}>
            {next ? <input type="hidden" name="next" value={next} /> : null}
            <TextInput
              name="email"
              label="Email address"
              type="email"
              autocomplete="email"
              spellcheck={false}
              errors={errors}
              value={problem?.values.email}
            />
            <Button>Email me a sign-in link</Button>
          </Form>
        </div>
      </div>
    </Layout>
  );
}

export function CheckEmailPage({ page, email }: { page: PageContext; email: string }) {
  return (
    <Layout ctx={page} title="Check your email">
      <h1>Check your email</h1>
      <p>
        If <strong>{email}</strong> belongs to an account, we have sent it a sign-in link. The link works once and expires in{" "}
        {SIGN_IN_LINK_MINUTES} minutes.
      </p>
      <p>
        Not arrived after a few minutes? Check your spam folder, or <a href="/sign-in">ask for another link</a>. If you still cannot sign
        in, ask the administrator for your area to check the email address they have for you.
      </p>
      <LocalOutboxNote localDev={page.localDev} />
    </Layout>
  );
}

/** Where to go after signing in, if it is a path on this site. */
export const safeNext = (next: string | undefined) => (next && isSafeNext(next) ? next : undefined);

export const signInScreen = new Hono<AppEnv>()
  .get("/sign-in", publicAccess, async (c) =>
    renderPage(c, <SignInPage page={await pageContext(c)} next={safeNext(c.req.query("next"))} problem={null} />),
  )
  .post("/sign-in", publicAccess, async (c) => {
    const form = await parseForm(c, SignInForm);
    if (!form.ok) return renderPage(c, <SignInPage page={await pageContext(c)} next={undefined} problem={form} />, 422);
    await emailSignInLink(depsOf(c), { ...form.data, ipHash: await clientIpHash(c) }, c.executionCtx);
    return c.redirect(`/sign-in/check-email?email=${encodeURIComponent(form.data.email)}`, 303);
  })
  .get("/sign-in/check-email", publicAccess, async (c) =>
    renderPage(c, <CheckEmailPage page={await pageContext(c)} email={c.req.query("email") ?? "your email address"} />),
  );
