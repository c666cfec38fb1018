// The routes the Hono app answers, for tests that must cover every one (so a new route cannot be missed).
import { buildApp } from "../../worker/app";
import { devRoutes } from "../../worker/dev/routes";

/**
 * "METHOD /path" of every route the Hono app answers (middleware excluded), the local entry's /dev
 * pages included: the tests call them on the production entry, which must not have them.
 */
export function appRouteKeys(): string[] {
  return [
    ...new Set(
      buildApp({ first: [], routes: [["/dev", devRoutes]] })
        .routes.filter((r) => r.method !== "ALL")
        .map((r) => `${r.method} ${r.path}`),
    ),
  ];
}

/** Replaces each :name (with an optional {regex}) in a Hono path by a value. */
export async function fillPath(pattern: string, value: (name: string) => Promise<string>): Promise<string> {
  let out = "";
  for (let i = 0; i < pattern.length; ) {
    if (pattern[i] !== ":") {
      out += pattern[i++];
      continue;
    }
    let j = i + 1;
    while (j < pattern.length && /\w/.test(pattern[j]!)) j++;
    const name = pattern.slice(i + 1, j);
    if (pattern[j] === "{") {
      let depth = 0;
      do {
        if (pattern[j] === "{") depth++;
        if (pattern[j] === "}") depth--;
        j++;
      } while (depth > 0 && j < pattern.length);
    }
    out += await value(name);
    i = j;
  }
  return out;
}
