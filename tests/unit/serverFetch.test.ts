// The Worker makes no request of its own to an address it was given (no SSRF): the only outgoing
// request in its code is the email sender's, to the provider URL the operator configures
// (EMAIL_API_URL), never to one from a request. A new fetch, socket or service binding fails this
// test until it is reviewed (and, if it can reach an address from input, refuses private and
// loopback addresses).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "assets" ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(e.name) ? [path] : [];
  });
}

/** Every reference to a global that makes network requests, as file:line what. */
function networkUses(file: string, text = readFileSync(file, "utf8")): string[] {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: string[] = [];
  const NETWORK = new Set(["fetch", "connect", "WebSocket", "XMLHttpRequest", "EventSource"]);
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node) && NETWORK.has(node.text)) {
      const parent = node.parent;
      // Property names and object keys (app.fetch, { fetch: app.fetch }) are not uses of the global.
      const isMember = ts.isPropertyAccessExpression(parent) && parent.name === node;
      const isKey =
        (ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertySignature(parent)) && parent.name === node;
      if (!isMember && !isKey) {
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push(`${relative(ROOT, file)}:${line} ${node.text}`);
      }
    }
    // Calls like globalThis.fetch(...) or self.fetch(...).
    if (
      ts.isPropertyAccessExpression(node) &&
      NETWORK.has(node.name.text) &&
      ts.isIdentifier(node.expression) &&
      ["globalThis", "self", "window"].includes(node.expression.text)
    ) {
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      found.push(`${relative(ROOT, file)}:${line} ${node.expression.text}.${node.name.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("server-side requests", () => {
  it("the Worker's only outgoing request is the email sender's, to the configured provider", () => {
    const files = [...sourceFiles(join(ROOT, "worker")), ...sourceFiles(join(ROOT, "shared"))];
    expect(files.length).toBeGreaterThan(50);
    const uses = files.flatMap((f) => networkUses(f));
    expect(uses.map((u) => u.replace(/:\d+ /, " "))).toEqual(["worker/email/sender.ts fetch", "worker/email/sender.ts fetch"]);
    // And its URL comes from the environment, never from a request.
    const sender = readFileSync(join(ROOT, "worker/email/sender.ts"), "utf8");
    expect(sender).toMatch(/new HttpEmailSender\(env\.EMAIL_API_URL, env\.EMAIL_API_KEY\)/);
    expect(sender).not.toMatch(/c\.req|request\.url|searchParams/);
  });

  it("the check finds a fetch if one is added (it is not vacuous)", () => {
    const probe = join(ROOT, "worker/probe.ts");
    const text =
      "export const a = (u: string) => fetch(u);\nexport const b = (u: string) => globalThis.fetch(u);\nexport const c = { fetch: (x: Request) => x };\nexport const d = new WebSocket('wss://x');\n";
    expect(networkUses(probe, text).map((u) => u.replace(/:\d+ /, " "))).toEqual([
      "worker/probe.ts fetch",
      "worker/probe.ts globalThis.fetch",
      "worker/probe.ts WebSocket",
    ]);
  });

  it("the Worker has no service bindings or outbound sockets configured", () => {
    const config = readFileSync(join(ROOT, "wrangler.toml"), "utf8");
    expect(config).not.toMatch(/^\s*\[\[services\]\]/m);
    expect(config).not.toMatch(/outbound/i);
  });
});
