"use client";
// "Show this if <earlier question> <is / is not / includes / is greater than…> <answer or value>",
// combined with and/or: the structured rules of lib/questionnaires/relevance-schema.ts, built by
// choosing, never by typing an expression. Only earlier questions are offered.
import { useTranslations } from "next-intl";
import { pickText, type Language } from "@/lib/i18n/languages";
import type { Relevance, RelevanceOperator, RelevanceRule } from "@/lib/questionnaires/relevance-schema";
import type { BuilderItem } from "@/lib/builder/data";
import { operatorsFor } from "@/lib/builder/skip-logic";
import { itemLabel } from "./texts";
import { Button } from "@/components/ui/Button";

export function SkipLogicEditor({
  idPrefix,
  earlier,
  value,
  onChange,
  locale,
}: {
  idPrefix: string;
  /** Questions asked before this one that a rule can refer to */
  earlier: BuilderItem[];
  value: Relevance | null;
  onChange: (value: Relevance | null) => void;
  locale: Language;
}) {
  const t = useTranslations("builder.skip");
  const usable = earlier.filter((i) => operatorsFor(i.type).length > 0);
  const rules = value?.rules ?? [];
  const byName = new Map(usable.map((i) => [i.name, i]));

  const defaultRule = (item: BuilderItem): RelevanceRule => ({
    question: item.name,
    operator: operatorsFor(item.type)[0],
    value: item.choices[0]?.name ?? (item.type === "integer" || item.type === "decimal" ? 0 : "yes"),
  });
  const setRules = (next: RelevanceRule[]) =>
    onChange(next.length ? { combinator: value?.combinator ?? "and", rules: next } : null);
  const update = (index: number, rule: RelevanceRule) => setRules(rules.map((r, i) => (i === index ? rule : r)));

  if (usable.length === 0) return <p className="muted">{t("noEarlier")}</p>;
  return (
    <fieldset className="skip-logic">
      <legend>{t("heading")}</legend>
      {rules.length === 0 && <p className="muted">{t("always")}</p>}
      {rules.length > 1 && (
        <p>
          <label htmlFor={`${idPrefix}-combinator`}>{t("combinator")}</label>{" "}
          <select
            id={`${idPrefix}-combinator`}
            value={value!.combinator}
            onChange={(e) => onChange({ ...value!, combinator: e.target.value as "and" | "or" })}
          >
            <option value="and">{t("and")}</option>
            <option value="or">{t("or")}</option>
          </select>
        </p>
      )}
      <ol className="skip-rules">
        {rules.map((rule, index) => {
          const target = byName.get(rule.question);
          const id = `${idPrefix}-rule-${index}`;
          const numeric = target?.type === "integer" || target?.type === "decimal";
          return (
            <li key={index} className="skip-rule">
              <span>
                <label htmlFor={`${id}-question`}>{t("question", { number: index + 1 })}</label>
                <select
                  id={`${id}-question`}
                  value={rule.question}
                  onChange={(e) => {
                    const item = byName.get(e.target.value);
                    if (item) update(index, defaultRule(item));
                  }}
                >
                  {!target && <option value={rule.question}>{rule.question}</option>}
                  {usable.map((item) => (
                    <option key={item.name} value={item.name}>
                      {item.name}: {itemLabel(item, locale)?.text.slice(0, 80)}
                    </option>
                  ))}
                </select>
              </span>
              <span>
                <label htmlFor={`${id}-operator`}>{t("operator")}</label>
                <select
                  id={`${id}-operator`}
                  value={rule.operator}
                  onChange={(e) => update(index, { ...rule, operator: e.target.value as RelevanceOperator })}
                >
                  {(target ? operatorsFor(target.type) : [rule.operator]).map((op) => (
                    <option key={op} value={op}>
                      {t(`operators.${op}`)}
                    </option>
                  ))}
                </select>
              </span>
              <span>
                <label htmlFor={`${id}-value`}>{t("value")}</label>
                {target && target.choices.length > 0 ? (
                  <select
                    id={`${id}-value`}
                    value={String(rule.value)}
                    onChange={(e) => update(index, { ...rule, value: e.target.value })}
                  >
                    {target.choices.map((c) => (
                      <option key={c.name} value={c.name}>
                        {pickText(c.label, locale)?.text ?? c.name}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    id={`${id}-value`}
                    type={numeric ? "number" : "text"}
                    step="any"
                    maxLength={64}
                    value={String(rule.value)}
                    onChange={(e) =>
                      update(index, {
                        ...rule,
                        value:
                          numeric && e.target.value !== "" && !Number.isNaN(Number(e.target.value))
                            ? Number(e.target.value)
                            : e.target.value,
                      })
                    }
                  />
                )}
              </span>
              <Button variant="link" onClick={() => setRules(rules.filter((_, i) => i !== index))}>
                {t("removeRule", { number: index + 1 })}
              </Button>
            </li>
          );
        })}
      </ol>
      <Button onClick={() => setRules([...rules, defaultRule(usable[usable.length - 1])])}>{t("addRule")}</Button>
    </fieldset>
  );
}
