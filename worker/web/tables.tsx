// Tables and summary lists.
import type { ComponentChildren } from "preact";

export function SummaryList({ rows }: { rows: { key: string; value: ComponentChildren }[] }) {
  return (
    <dl class="nhsuk-summary-list">
      {rows.map((r) => (
        <div class="nhsuk-summary-list__row" key={r.key}>
          <dt class="nhsuk-summary-list__key">{r.key}</dt>
          <dd class="nhsuk-summary-list__value">{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Table({
  caption,
  head,
  rows,
  responsive = true,
}: {
  caption: string;
  head: string[];
  rows: ComponentChildren[][];
  responsive?: boolean;
}) {
  return (
    <table class={responsive ? "nhsuk-table-responsive" : "nhsuk-table"}>
      <caption class="nhsuk-table__caption">{caption}</caption>
      <thead class="nhsuk-table__head">
        <tr>
          {head.map((h) => (
            <th scope="col" key={h}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="nhsuk-table__body">
        {rows.map((cells, i) => (
          <tr class="nhsuk-table__row" key={i}>
            {cells.map((cell, j) => (
              <td class="nhsuk-table__cell" key={j}>
                {responsive ? (
                  <span class="nhsuk-table-responsive__heading" aria-hidden="true">
                    {head[j]}{" "}
                  </span>
                ) : null}
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
