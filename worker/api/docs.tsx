// A readable page of the API, generated from the same OpenAPI document the API serves.
import type { Context } from "hono";
import type { AppEnv } from "../platform/env";
import { Layout } from "../web/layout";
import { pageContext, renderPage } from "../web/render";

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; description?: string }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
}
interface Document {
  info: { title: string; description?: string };
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
}

const METHODS = ["get", "post", "put", "patch", "delete"];

export async function docsPage<E extends AppEnv>(c: Context<E>, doc: unknown) {
  const d = doc as Document;
  const ctx = await pageContext(c);
  const operations = Object.entries(d.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ path, method: m, op: item[m]! })),
  );
  const tags = [...new Set(operations.map((o) => o.op.tags?.[0] ?? "Other"))];
  return renderPage(
    c,
    <Layout ctx={ctx} title="API documentation">
      <h1>{d.info.title}</h1>
      <p>{d.info.description}</p>
      <p>
        Machine-readable document: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1). Every path below is under{" "}
        <code>/api/v1</code>.
      </p>
      <nav aria-label="API sections">
        <ul>
          {tags.map((t) => (
            <li key={t}>
              <a href={`#${t.toLowerCase().replace(/\W+/g, "-")}`}>{t}</a>
            </li>
          ))}
        </ul>
      </nav>
      {tags.map((tag) => (
        <section key={tag}>
          <h2 id={tag.toLowerCase().replace(/\W+/g, "-")}>{tag}</h2>
          {operations
            .filter((o) => (o.op.tags?.[0] ?? "Other") === tag)
            .map(({ path, method, op }) => (
              <div class="nhsuk-card" key={`${method} ${path}`}>
                <div class="nhsuk-card__content">
                  <h3 class="nhsuk-card__heading">
                    <code>
                      {method.toUpperCase()} {path}
                    </code>
                  </h3>
                  <p>{op.summary}</p>
                  {op.description ? <p class="nhsuk-body-s">{op.description}</p> : null}
                  <p class="nhsuk-body-s">
                    {op.security?.length ? "Needs a signed-in person (bearer token or session)." : "Open to anyone."}
                  </p>
                  {op.parameters?.length ? (
                    <ul class="nhsuk-body-s">
                      {op.parameters.map((p) => (
                        <li key={p.name}>
                          <code>{p.name}</code> ({p.in}
                          {p.required ? ", required" : ""}){p.description ? `: ${p.description}` : ""}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {op.requestBody?.content?.["application/json"]?.schema ? (
                    <details class="nhsuk-details">
                      <summary class="nhsuk-details__summary">
                        <span class="nhsuk-details__summary-text">Request body</span>
                      </summary>
                      <div class="nhsuk-details__text">
                        <pre class="app-pre">{JSON.stringify(op.requestBody.content["application/json"].schema, null, 2)}</pre>
                      </div>
                    </details>
                  ) : null}
                  <p class="nhsuk-body-s">
                    Responses:{" "}
                    {Object.entries(op.responses ?? {})
                      .map(([code, r]) => `${code} ${r.description ?? ""}`)
                      .join("; ")}
                  </p>
                </div>
              </div>
            ))}
        </section>
      ))}
      <h2 id="schemas">Schemas</h2>
      {Object.entries(d.components?.schemas ?? {}).map(([name, schema]) => (
        <details class="nhsuk-details" key={name}>
          <summary class="nhsuk-details__summary">
            <span class="nhsuk-details__summary-text">{name}</span>
          </summary>
          <div class="nhsuk-details__text">
            <pre class="app-pre">{JSON.stringify(schema, null, 2)}</pre>
          </div>
        </details>
      ))}
    </Layout>,
  );
}
