"use client";
// What a bulk step or a search and replace will do (or did) to each item, in words: applied, or
// skipped and why. Shared by the queue's bulk actions and the search-and-replace page.
import { useTranslations } from "next-intl";
import type { BulkOutcome } from "@/lib/translations/bulk-schema";
import { describeProblems } from "@/lib/translations/check-text";

export function useOutcomeText() {
  const t = useTranslations("translate");
  const root = useTranslations();
  const say = (key: string, values?: Record<string, string>) => root(key as never, values as never);
  return (o: BulkOutcome): string => {
    if (o.result === "apply") return "";
    const state = o.state ? t(`states.${o.state}`) : "";
    switch (o.reason) {
      case "blocked":
        return t("bulk.skip.blocked", { problems: describeProblems(o.problems ?? [], say) });
      case "wrongState":
        return t("bulk.skip.wrongState", { state });
      case "ownEdit":
      case "conflict":
      case "notFound":
      case "forbidden":
      case "empty":
        return t(`bulk.skip.${o.reason}`);
      default:
        return t("bulk.skip.invalidInput");
    }
  };
}

/** One line per item: its code, then what happens (`applied`) or why it is skipped. */
export function BulkOutcomes({ outcomes, applied, id }: { outcomes: BulkOutcome[]; applied: string; id?: string }) {
  const t = useTranslations("translate");
  const why = useOutcomeText();
  const done = outcomes.filter((o) => o.result === "apply").length;
  return (
    <div id={id}>
      <p>{t("bulk.summary", { apply: done, skip: outcomes.length - done })}</p>
      <ul>
        {outcomes.map((o) => (
          <li key={o.code}>
            <span className="code">{o.code}</span>
            {": "}
            {o.result === "apply" ? applied : t("bulk.skipped", { reason: why(o) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
