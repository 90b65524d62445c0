// Counts of questions by translation state, one row per group (domain, questionnaire, language),
// each count a link into the queue filtered to that group and state.
import { Link } from "@/lib/i18n/navigation";
import { QUEUE_ORDER } from "@/lib/translations/schema";
import type { StateCounts } from "@/lib/translations/state";

export type CountsRow = { key: string; label: string; counts: StateCounts; query?: Record<string, string> };

export function CountsTable({
  caption,
  groupHeader,
  rows,
  stateLabels,
  totalLabel,
  queuePath,
}: {
  caption: string;
  groupHeader: string;
  rows: CountsRow[];
  stateLabels: Record<string, string>;
  totalLabel: string;
  queuePath: string;
}) {
  const states = ["approved", "in_review", "draft", "outdated", "missing"] as const;
  // Seven columns do not fit a phone: the table scrolls inside its own named, focusable region
  // rather than widening the page (WCAG 1.4.10), as the other wide tables do.
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{groupHeader}</th>
            {states.map((s) => (
              <th scope="col" key={s}>
                {stateLabels[s]}
              </th>
            ))}
            <th scope="col">{totalLabel}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {states.map((s) => (
                <td key={s}>
                  {row.counts[s] > 0 && row.query ? (
                    <Link href={{ pathname: queuePath, query: { ...row.query, status: s } }}>{row.counts[s]}</Link>
                  ) : (
                    row.counts[s]
                  )}
                </td>
              ))}
              <td>{row.counts.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export { QUEUE_ORDER };
