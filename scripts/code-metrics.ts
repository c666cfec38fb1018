// The shape of the code, as issue 13 measures it: longest file and function, assertion counts, folder cycles.
// `npm run metrics` prints them; tests/unit/codeShape.test.ts holds the limits.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

const root = resolve(import.meta.dirname, "..");
const roots = ["worker", "shared"];
/** Demo seed data is long by nature (the issue sets it aside). */
const exempt = (file: string) => file.startsWith("worker/dev/seed");

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

export interface FunctionSpan {
  file: string;
  name: string;
  lines: number;
}

function functionsOf(file: string, source: ts.SourceFile): FunctionSpan[] {
  const spans: FunctionSpan[] = [];
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line;
  const nameOf = (node: ts.Node): string => {
    if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) return node.name.getText(source);
    const parent = node.parent;
    if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText(source);
    if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText(source);
    if (parent && ts.isCallExpression(parent)) return `callback of ${parent.expression.getText(source).slice(0, 40)}`;
    return "(anonymous)";
  };
  const visit = (node: ts.Node) => {
    if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
      const body = node.body;
      if (body) spans.push({ file, name: nameOf(node), lines: lineOf(body.getEnd()) - lineOf(node.getStart(source)) + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return spans;
}

/**
 * The node a module belongs to, for cycles: its folder (worker/petitions, shared/schemas), or the
 * module itself when it sits at the top of worker/ or shared/ (worker/db, worker/scheduled).
 */
function folderOf(file: string): string {
  const dir = dirname(file);
  return roots.includes(dir) ? file.replace(/\.tsx?$/, "") : dir;
}

function importsOf(file: string, source: ts.SourceFile): string[] {
  const found: string[] = [];
  for (const statement of source.statements) {
    if (
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      found.push(statement.moduleSpecifier.text);
    }
  }
  // import("…") types count too: a type-only cycle is still a cycle.
  const visit = (node: ts.Node) => {
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal))
      found.push(node.argument.literal.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found
    .filter((s) => s.startsWith("."))
    .map((s) => relative(root, resolve(root, dirname(file), s)))
    .filter((target) => roots.some((r) => target === r || target.startsWith(`${r}/`)));
}

/** Strongly connected groups of folders (Tarjan): each group of two or more is an import cycle. */
function cycles(edges: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const connect = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!indexOf.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, indexOf.get(w) ?? 0));
    }
    if (low.get(v) === indexOf.get(v)) {
      const group: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const v of edges.keys()) if (!indexOf.has(v)) connect(v);
  return groups;
}

export interface CodeMetrics {
  longestFile: { file: string; lines: number };
  longestFunction: FunctionSpan;
  filesOver400: { file: string; lines: number }[];
  functionsOver80: FunctionSpan[];
  actorAssertions: number;
  recordOf: number;
  stateCasts: number;
  roleCasts: number;
  folderCycles: string[][];
}

const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

export function measure(): CodeMetrics {
  const files = roots.flatMap(sourceFiles);
  const sizes: { file: string; lines: number }[] = [];
  const functions: FunctionSpan[] = [];
  const edges = new Map<string, Set<string>>();
  let actorAssertions = 0;
  let recordOfCalls = 0;
  let stateCasts = 0;
  let roleCasts = 0;
  for (const file of files) {
    const text = readFileSync(join(root, file), "utf8");
    const source = ts.createSourceFile(
      file,
      text,
      ts.ScriptTarget.Latest,
      true,
      file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    );
    actorAssertions += count(text, /actor!/g);
    recordOfCalls += count(text, /\brecordOf\b/g);
    stateCasts += count(text, /\bas [A-Za-z]*State\b/g);
    roleCasts += count(text, /\bas Role\b/g);
    if (exempt(file)) continue;
    sizes.push({ file, lines: text.split("\n").length - (text.endsWith("\n") ? 1 : 0) });
    functions.push(...functionsOf(file, source));
    const from = folderOf(file);
    for (const target of importsOf(file, source)) {
      const to = statSafe(target) ? target : folderOf(withExtension(target));
      if (to !== from) (edges.get(from) ?? edges.set(from, new Set()).get(from))?.add(to);
    }
  }
  sizes.sort((a, b) => b.lines - a.lines);
  functions.sort((a, b) => b.lines - a.lines);
  const [longestFile] = sizes;
  const [longestFunction] = functions;
  if (!longestFile || !longestFunction) throw new Error("no source files found");
  return {
    longestFile,
    longestFunction,
    filesOver400: sizes.filter((s) => s.lines > 400),
    functionsOver80: functions.filter((f) => f.lines > 80),
    actorAssertions,
    recordOf: recordOfCalls,
    stateCasts,
    roleCasts,
    folderCycles: cycles(edges),
  };
}

/** The file an import names (`../db` → worker/db.ts), so top-level modules are told apart. */
function withExtension(target: string): string {
  for (const ext of [".ts", ".tsx"]) {
    try {
      if (statSync(join(root, target + ext)).isFile()) return target + ext;
    } catch {
      // try the next
    }
  }
  return target;
}

/** A module path without its extension names a folder when it is one (e.g. `./api` → worker/api/index.ts). */
function statSafe(target: string): boolean {
  try {
    return statSync(join(root, target)).isDirectory();
  } catch {
    return false;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const m = measure();
  console.log(`Longest file:      ${m.longestFile.file} (${m.longestFile.lines} lines)`);
  console.log(`Longest function:  ${m.longestFunction.name} in ${m.longestFunction.file} (${m.longestFunction.lines} lines)`);
  console.log(`Files over 400 lines:     ${m.filesOver400.length}${m.filesOver400.map((f) => `\n  ${f.file} (${f.lines})`).join("")}`);
  console.log(
    `Functions over 80 lines:  ${m.functionsOver80.length}${m.functionsOver80.map((f) => `\n  ${f.name} in ${f.file} (${f.lines})`).join("")}`,
  );
  console.log(`actor! assertions: ${m.actorAssertions}`);
  console.log(`recordOf:          ${m.recordOf}`);
  console.log(`as …State casts:   ${m.stateCasts}`);
  console.log(`as Role casts:     ${m.roleCasts}`);
  console.log(`Import cycles between folders: ${m.folderCycles.length}${m.folderCycles.map((g) => `\n  ${g.join(" ↔ ")}`).join("")}`);
}
