// Runs the extraction core on a saved page, as the extension does on a live one.
//   npm run clip -- page.html --url https://example.org/consultation [--now 2024-03-01]
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseHTML } from "linkedom";
import { extractConsultation, type DomDocument, type Extracted } from "../shared/extraction";
import { readabilityContent } from "../shared/extraction/readability";
import { isCalendarDate, londonInstant } from "../shared/time";

export const HELP = `Usage: npm run clip -- <page.html> --url <address> [--now YYYY-MM-DD]

Reads a saved consultation page and prints what the extension would clip from it, as one
JSON object: {title, organisation, opensAt, closesAt, summary, url}. Dates are ISO 8601
instants in UTC (a closing date without a time is the end of that day in London); any
field the page does not state is null.

  <page.html>        the saved HTML page
  --url <address>    the address the page was saved from (http or https)
  --now YYYY-MM-DD   "today" for dates written without a year, when the page states
                     no date of its own: none in its metadata, byline, address or text
                     (default: today)
  --help             this text
`;

export interface ClipIO {
  readFile: (path: string) => string;
  out: (text: string) => void;
  err: (text: string) => void;
}

const nodeIO: ClipIO = {
  readFile: (path) => readFileSync(path, "utf8"),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Parses saved HTML with linkedom and extracts from it with the shared core, Readability finding the main text. */
export function clipHtml(html: string, url: string, now?: Date): Extracted {
  const { document } = parseHTML(html);
  return extractConsultation(document as unknown as DomDocument, url, { mainContent: readabilityContent, ...(now ? { now } : {}) });
}

/** The command: returns its exit code (0, or 1 with a message on stderr). */
export function runClip(args: string[], io: ClipIO = nodeIO): number {
  const fail = (message: string) => {
    io.err(`clip: ${message}\nRun "npm run clip -- --help" for usage.\n`);
    return 1;
  };
  if (args.includes("--help") || args.includes("-h")) {
    io.out(HELP);
    return 0;
  }
  const options = new Map<string, string>();
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const option = /^--(url|now)(?:=(.*))?$/.exec(arg);
    if (option) {
      const value = option[2] ?? args[++i];
      if (value === undefined) return fail(`--${option[1]} needs a value`);
      options.set(option[1]!, value);
    } else if (arg.startsWith("-")) return fail(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length !== 1) return fail(files.length ? "give one page at a time" : "give the saved page to read (an .html file)");
  const url = options.get("url");
  if (!url) return fail("--url is required: the address the page was saved from");
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!parsed || !/^https?:$/.test(parsed.protocol))
    return fail(`--url must be a web address starting with http:// or https:// (got "${url}")`);
  const nowText = options.get("now");
  if (nowText !== undefined && !isCalendarDate(nowText)) return fail(`--now must be a date as YYYY-MM-DD (got "${nowText}")`);
  let html: string;
  try {
    html = io.readFile(files[0]!);
  } catch (error) {
    const code = (error as { code?: string }).code;
    return fail(
      code === "ENOENT" ? `no such file: ${files[0]}` : `cannot read ${files[0]}: ${error instanceof Error ? error.message : error}`,
    );
  }
  const result = clipHtml(html, url, nowText ? londonInstant(nowText, "12:00") : undefined);
  io.out(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // Output piped into `head` may be cut short: that is not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
  process.exitCode = runClip(process.argv.slice(2));
}
