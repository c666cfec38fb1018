// A readable page of the API, generated from the same OpenAPI document the API serves.
import type { Context } from "hono";
import type { AppEnv } from "../platform/env";
import { Layout } from "../web/layout";
import { type PageContext, pageContext, renderPage } from "../web/render";

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

interface OperationView {
  path: string;
  method: string;
  op: Operation;
}

/** The document's operations grouped by their first tag (in the order tags first appear), and its named schemas. */
export interface DocsView {
  page: PageContext;
  title: string;
  description: string | undefined;
  sections: { tag: string; id: string; operations: OperationView[] }[];
  schemas: [name: string, schema: unknown][];
}

const METHODS = ["get", "post", "put", "patch", "delete"];

const tagOf = (o: OperationView) => o.op.tags?.[0] ?? "Other";

export function docsView(doc: Document): Omit<DocsView, "page"> {
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const op = item[method];
      return op ? [{ path, method, op }] : [];
    }),
  );
  const tags = [...new Set(operations.map(tagOf))];
  return {
    title: doc.info.title,
    description: doc.info.description,
    sections: tags.map((tag) => ({
      tag,
      id: tag.toLowerCase().replace(/\W+/g, "-"),
      operations: operations.filter((o) => tagOf(o) === tag),
    })),
    schemas: Object.entries(doc.components?.schemas ?? {}),
  };
}

/** A JSON value behind a disclosure: a request body, or a named schema. */
function JsonDetails({ summary, value }: { summary: string; value: unknown }) {
  return (
    <details class="nhsuk-details">
      <summary class="nhsuk-details__summary">
        <span class="nhsuk-details__summary-text">{summary}</span>
      </summary>
      <div class="nhsuk-details__text">
        <pre class="app-pre">{JSON.stringify(value, null, 2)}</pre>
      </div>
    </details>
  );
}

function OperationCard({ path, method, op }: OperationView) {
  const body = op.requestBody?.content?.["application/json"]?.schema;
  return (
    <div class="nhsuk-card">
      <div class="nhsuk-card__content">
        <h3 class="nhsuk-card__heading">
          <code>
            {method.toUpperCase()} {path}
          </code>
        </h3>
        <p>{op.summary}</p>
        {op.description ? <p class="nhsuk-body-s">{op.description}</p> : null}
        <p class="nhsuk-body-s">{op.security?.length ? "Needs a signed-in person (bearer token or session)." : "Open to anyone."}</p>
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
        {body ? <JsonDetails summary="Request body" value={body} /> : null}
        <p class="nhsuk-body-s">
          Responses:{" "}
          {Object.entries(op.responses ?? {})
            .map(([code, r]) => `${code} ${r.description ?? ""}`)
            .join("; ")}
        </p>
      </div>
    </div>
  );
}

export function DocsPage({ page, title, description, sections, schemas }: DocsView) {
  return (
    <Layout ctx={page} title="API documentation">
      <h1>{title}</h1>
      <p>{description}</p>
      <p>
        Machine-readable document: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1). Every path below is under{" "}
        <code>/api/v1</code>.
      </p>
      <nav aria-label="API sections">
        <ul>
          {sections.map((s) => (
            <li key={s.tag}>
              <a href={`#${s.id}`}>{s.tag}</a>
            </li>
          ))}
        </ul>
      </nav>
      {sections.map((s) => (
        <section key={s.tag}>
          <h2 id={s.id}>{s.tag}</h2>
          {s.operations.map((o) => (
            <OperationCard key={`${o.method} ${o.path}`} {...o} />
          ))}
        </section>
      ))}
      <h2 id="schemas">Schemas</h2>
      {schemas.map(([name, schema]) => (
        <JsonDetails key={name} summary={name} value={schema} />
      ))}
    </Layout>
  );
}

export async function docsPage<E extends AppEnv>(c: Context<E>, doc: unknown) {
  return renderPage(c, <DocsPage page={await pageContext(c)} {...docsView(doc as Document)} />);
}
