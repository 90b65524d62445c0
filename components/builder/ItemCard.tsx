"use client";
// One question of the questionnaire: its wording, a drag handle (mouse, touch or keyboard), plain
// move buttons, "move to section", remove, and its settings. A move or removal that would leave
// another question's skip logic pointing forward or at nothing is stopped with a warning first.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { BuilderItem, VersionPair } from "@/lib/builder/data";
import { dependentsOf, moveInOutline, removeFromOutline, structuralProblems } from "@/lib/builder/skip-logic";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { useBuilder } from "./builder-context";
import { itemLabel } from "./texts";
import { ItemSettingsForm } from "./ItemSettingsForm";
import { CustomWordingForm } from "./CustomWordingForm";
import { BankUpdate } from "./BankUpdate";
import { Button } from "@/components/ui/Button";
import { HazardText } from "@/components/hazards/HazardText";

export type ItemPlace = { sectionId: string; sectionName: string; index: number; count: number; sectionIndex: number };

export function ItemCard({
  item,
  place,
  earlier,
  pair,
  onMove,
}: {
  item: BuilderItem;
  place: ItemPlace;
  earlier: BuilderItem[];
  pair: VersionPair | undefined;
  onMove: (itemId: string, sectionId: string, position: number) => void;
}) {
  const t = useTranslations("builder.item");
  const tq = useTranslations("question");
  const { q, locale, outline, change } = useBuilder();
  const [target, setTarget] = useState(place.sectionId);
  const [warning, setWarning] = useState<string | null>(null);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: item.id,
  });
  const label = itemLabel(item, locale);
  const name = label?.text ?? item.name;

  const remove = () => {
    const broken = structuralProblems(removeFromOutline(outline, { items: [item.name] }));
    if (broken.length)
      return setWarning(t("dependents", { name: item.name, names: dependentsOf(outline, [item.name]).join(", ") }));
    if (window.confirm(t("confirmRemove", { name: item.name })))
      change.run({ op: "removeItem", itemId: item.id }, () => t("removed", { name: item.name }));
  };
  const moveTo = () => {
    const section = q.sections.find((s) => s.id === target);
    if (!section || section.id === place.sectionId) return;
    onMove(item.id, section.id, section.items.length);
  };

  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`item-card${isDragging ? " is-dragging" : ""}`}
      data-item={item.name}
    >
      <div className="item-head">
        <Button
          size="sm"
          className="drag-handle"
          ref={setActivatorNodeRef}
          {...attributes}
          {...listeners}
          aria-label={t("drag", { name: item.name })}
        >
          <span aria-hidden="true">⠿</span>
        </Button>
        <div className="item-text">
          <p className="item-label" lang={label?.lang} dir="auto">
            <HazardText text={name} hazard={q.hazard} lang={label?.lang} />
          </p>
          <p className="item-meta">
            <span className="code">{item.name}</span> · {tq(`types.${item.type}`)}
            {item.required && <StatusBadge status="approved" label={t("requiredBadge")} />}
            {item.relevant && <StatusBadge status="draft" label={t("conditionalBadge")} />}
            {item.customText && <StatusBadge status="in_review" label={t("customisedBadge")} />}
            {item.status === "retired" && <StatusBadge status="retired" label={t("retiredBadge")} />}
            {label && label.lang !== locale && (
              <span className="badge badge--missing">{t("shownIn", { language: label.lang })}</span>
            )}
          </p>
        </div>
      </div>
      <div className="item-actions" role="group" aria-label={t("actionsFor", { name: item.name })}>
        <Button
          size="sm"
          disabled={change.pending || place.index === 0}
          onClick={() => onMove(item.id, place.sectionId, place.index - 1)}
        >
          {t("moveUp")}
          <span className="visually-hidden">: {item.name}</span>
        </Button>
        <Button
          size="sm"
          disabled={change.pending || place.index === place.count - 1}
          onClick={() => onMove(item.id, place.sectionId, place.index + 1)}
        >
          {t("moveDown")}
          <span className="visually-hidden">: {item.name}</span>
        </Button>
        {q.sections.length > 1 && (
          <span className="move-to">
            <label htmlFor={`move-${item.id}`}>{t("moveToSection", { name: item.name })}</label>{" "}
            <select id={`move-${item.id}`} value={target} onChange={(e) => setTarget(e.target.value)}>
              {q.sections.map((s, i) => (
                <option key={s.id} value={s.id}>
                  {i + 1}. {s.title[locale] ?? Object.values(s.title)[0] ?? s.name}
                </option>
              ))}
            </select>{" "}
            <Button size="sm" disabled={change.pending || target === place.sectionId} onClick={moveTo}>
              {t("move")}
              <span className="visually-hidden">: {item.name}</span>
            </Button>
          </span>
        )}
        <Button size="sm" variant="danger" disabled={change.pending} onClick={remove}>
          {t("remove")}
          <span className="visually-hidden">: {item.name}</span>
        </Button>
      </div>
      {warning && (
        <p className="builder-notice builder-notice--error" role="alert">
          {warning}
        </p>
      )}
      {item.bankVersion > item.itemVersion && <BankUpdate item={item} pair={pair} />}
      <details className="item-details">
        <summary>{t("settings", { name: item.name })}</summary>
        <ItemSettingsForm item={item} earlier={earlier} />
      </details>
      <details className="item-details">
        <summary>
          {item.customText ? t("customWordingEdit", { name: item.name }) : t("customWording", { name: item.name })}
        </summary>
        <CustomWordingForm item={item} />
      </details>
    </li>
  );
}

/** Whether moving would break skip logic: the names of the rules' owners, or an empty list. */
export function brokenByMove(
  outline: Parameters<typeof moveInOutline>[0],
  itemName: string,
  sectionName: string,
  position: number,
): string[] {
  return [...new Set(structuralProblems(moveInOutline(outline, itemName, sectionName, position)).map((p) => p.owner))];
}
