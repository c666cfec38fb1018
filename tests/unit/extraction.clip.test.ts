import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runClip, type ClipIO } from "../../scripts/clip";

const ROOT = join(import.meta.dirname, "../..");
const FIXTURE = join(ROOT, "tests/fixtures/pages/02-govuk-closed-awaiting-outcome.html");
const URL = "https://www.gov.uk/government/consultations/community-pharmacy-opening-hours-changes-to-regulations";

function run(args: string[]) {
  let out = "";
  let err = "";
  const io: ClipIO = {
    readFile: (path) => readFileSync(path, "utf8"),
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
  };
  const code = runClip(args, io);
  return { code, out, err };
}

describe("npm run clip", () => {
  it("--help explains the usage and the output", () => {
    const { code, out, err } = run(["--help"]);
    expect(code).toBe(0);
    expect(out).toContain("Usage: npm run clip -- <page.html> --url <address>");
    expect(out).toContain("{title, organisation, opensAt, closesAt, summary, url}");
    expect(err).toBe("");
  });

  it("prints one JSON object with exactly the six fields", () => {
    const { code, out } = run([FIXTURE, "--url", URL]);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(Object.keys(result)).toEqual(["title", "organisation", "opensAt", "closesAt", "summary", "url"]);
    expect(result).toMatchObject({
      title: "Community pharmacy opening hours: changes to regulations",
      organisation: "Department of Health and Social Care",
      opensAt: "2023-12-14T09:30:00.000Z",
      closesAt: "2024-01-25T23:59:00.000Z",
      url: URL,
    });
  });

  it("--now fixes today for dates without a year (and accepts --url=...)", () => {
    const page = "<html><body><main><p>Closing date: 5 January</p></main></body></html>";
    const io: ClipIO = {
      readFile: () => page,
      out: (t) => {
        printed += t;
      },
      err: () => {},
    };
    let printed = "";
    expect(runClip(["p.html", "--url=https://example.org/c", "--now", "2025-11-20"], io)).toBe(0);
    expect(JSON.parse(printed).closesAt).toBe("2026-01-05T23:59:59.999Z");
  });

  it.each([
    [["missing.html", "--url", URL], "no such file: missing.html"],
    [[FIXTURE], "--url is required"],
    [[FIXTURE, "--url"], "--url needs a value"],
    [[FIXTURE, "--url", "ftp://example.org/x"], "--url must be a web address starting with http:// or https://"],
    [[FIXTURE, "--url", "not a url"], "--url must be a web address"],
    [[FIXTURE, "--url", URL, "--now", "20/11/2025"], "--now must be a date as YYYY-MM-DD"],
    [["--url", URL], "give the saved page to read"],
    [[FIXTURE, FIXTURE, "--url", URL], "give one page at a time"],
    [[FIXTURE, "--url", URL, "--verbose"], "unknown option --verbose"],
  ])("%j fails with a clear message and exit code 1", (args, message) => {
    const { code, out, err } = run(args);
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err).toContain(message);
  });

  // Each run starts Node and tsx (a second or two on a small machine): a generous limit, not a timing check.
  const tsx = join(ROOT, "node_modules/.bin/tsx");
  it("runs as a command: JSON on stdout and exit code 0", { timeout: 30_000 }, () => {
    const ok = spawnSync(tsx, ["scripts/clip.ts", FIXTURE, "--url", URL], { cwd: ROOT, encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).closesAt).toBe("2024-01-25T23:59:00.000Z");
  });

  it("runs as a command: a missing file gives exit code 1 and a message on stderr", { timeout: 30_000 }, () => {
    const missing = spawnSync(tsx, ["scripts/clip.ts", "nowhere.html", "--url", URL], { cwd: ROOT, encoding: "utf8" });
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toContain("no such file: nowhere.html");
  });
});
