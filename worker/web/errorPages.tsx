// Error pages that say what happened and what to do next.
import type { Context } from "hono";
import type { AppEnv } from "../platform/env";
import { Layout } from "./layout";
import { pageContext, renderPage, type PageContext } from "./render";

function NotFound({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="Page not found">
      <h1>Page not found</h1>
      <p>If you typed the web address, check it is correct.</p>
      <p>If you pasted the web address, check you copied the entire address.</p>
      <p>
        The page may also have been removed. You can <a href="/">go to the home page</a> to find what you need.
      </p>
    </Layout>
  );
}

function Forbidden({ ctx, message }: { ctx: PageContext; message: string }) {
  return (
    <Layout ctx={ctx} title="You cannot do this">
      <h1>You do not have permission to do this</h1>
      <p>{message}</p>
      {ctx.actor ? (
        <p>
          You are signed in as {ctx.actor.name}. If you think your role should allow this, ask the administrator for your area to check your
          roles on <a href="/account">your account page</a>.
        </p>
      ) : (
        <p>
          If you have an account, <a href={`/sign-in?next=${encodeURIComponent(ctx.path)}`}>sign in</a> and try again.
        </p>
      )}
    </Layout>
  );
}

function Problem({ ctx, message, heading }: { ctx: PageContext; message: string; heading: string }) {
  return (
    <Layout ctx={ctx} title={heading}>
      <h1>{heading}</h1>
      <p>{message}</p>
      <p>
        Go back and try again, or <a href="/">go to the home page</a>.
      </p>
    </Layout>
  );
}

function ServerError({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="Sorry, there is a problem with the service">
      <h1>Sorry, there is a problem with the service</h1>
      <p>Please try again in a few minutes.</p>
      <p>If you were saving something, changes are saved all at once or not at all: check whether it was saved before you try again.</p>
      <p>If the problem continues, contact the administrator for your area.</p>
    </Layout>
  );
}

export async function errorPage<E extends AppEnv>(c: Context<E>, status: number, message: string) {
  let ctx: PageContext;
  try {
    ctx = await pageContext(c);
  } catch {
    // The error may be in what builds the page context (e.g. a missing secret).
    ctx = { actor: null, csrf: "", path: c.req.path, flash: null, localDev: false, now: new Date() };
  }
  switch (status) {
    case 404:
      return renderPage(c, <NotFound ctx={ctx} />, 404);
    case 403:
      return renderPage(c, <Forbidden ctx={ctx} message={message} />, 403);
    case 429:
      return renderPage(c, <Problem ctx={ctx} heading="Please wait a moment" message={message} />, 429);
    case 400:
    case 401:
    case 409:
    case 410:
    case 422:
      return renderPage(c, <Problem ctx={ctx} heading="Sorry, that did not work" message={message} />, status);
    default:
      return renderPage(c, <ServerError ctx={ctx} />, 500);
  }
}
