// Refreshes shared/bankHolidays.json from GOV.UK's published list (https://www.gov.uk/bank-holidays.json,
// or a saved copy): years in the new list replace ours; earlier years are kept.
//   npm run refresh-bank-holidays                 (fetch from GOV.UK)
//   npm run refresh-bank-holidays -- --file x.json (use a saved copy)
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import type { BankHolidayList } from "../shared/workingDays";

const GovukEvent = z.object({
  title: z.string(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  notes: z.string().default(""),
  bunting: z.boolean().default(true),
});
const GovukList = z.object({
  "england-and-wales": z.object({ division: z.literal("england-and-wales"), events: z.array(GovukEvent).min(1) }),
});

export function mergeBankHolidays(current: BankHolidayList, govuk: unknown): BankHolidayList {
  const incoming = GovukList.parse(govuk)["england-and-wales"].events;
  const years = new Set(incoming.map((e) => e.date.slice(0, 4)));
  const kept = current.events.filter((e) => !years.has(e.date.slice(0, 4)));
  const events = [...kept, ...incoming].sort((a, b) => a.date.localeCompare(b.date));
  const lastYear = [...years].sort().at(-1)!;
  const coversTo = `${lastYear}-12-31` > current.coversTo ? `${lastYear}-12-31` : current.coversTo;
  return { ...current, coversTo, events };
}

async function main() {
  const args = process.argv.slice(2);
  const fileIndex = args.indexOf("--file");
  const source = fileIndex >= 0 ? args[fileIndex + 1]! : "https://www.gov.uk/bank-holidays.json";
  const raw = fileIndex >= 0 ? JSON.parse(readFileSync(source, "utf8")) : await (await fetch(source)).json();
  const target = join(import.meta.dirname, "../shared/bankHolidays.json");
  const current = JSON.parse(readFileSync(target, "utf8")) as BankHolidayList;
  const merged = mergeBankHolidays(current, raw);
  writeFileSync(target, `${JSON.stringify(merged, null, 1)}\n`);
  console.log(`Bank holidays now cover ${merged.coversFrom} to ${merged.coversTo} (${merged.events.length} days), from ${source}.`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((err) => {
    console.error(`Could not refresh bank holidays: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  });
}
