"use client";
// One section (an XLSForm group): its title in each language, its place among the sections, and
// its questions, reordered by drag and drop (pointer or keyboard, announced) or by plain buttons.
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from "@dnd-kit/core";
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { pickText, type PartialLocalizedText } from "@/lib/i18n/languages";
import type { BuilderItem, BuilderSection, VersionPair } from "@/lib/builder/data";
import { dependentsOf, removeFromOutline, structuralProblems } from "@/lib/builder/skip-logic";
import { useBuilder } from "./builder-context";
import { ItemCard } from "./ItemCard";
import { LocalizedInputs } from "./LocalizedInputs";
import { Button } from "@/components/ui/Button";

export function SectionCard({
  section,
  index,
  earlierItems,
  pairs,
  onMoveItem,
  onMoveSection,
}: {
  section: BuilderSection;
  index: number;
  earlierItems: BuilderItem[];
  pairs: Record<string, VersionPair>;
  onMoveItem: (itemId: string, sectionId: string, position: number) => void;
  onMoveSection: (sectionId: string, position: number) => void;
}) {
  const t = useTranslations("builder.section");
  const td = useTranslations("builder.dnd");
  const { q, locale, outline, change } = useBuilder();
  const [title, setTitle] = useState<PartialLocalizedText>(section.title);
  const [warning, setWarning] = useState<string | null>(null);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition } = useSortable({
    id: section.id,
  });
  const sensors = useSensors(
    useSensor(PointerSensor),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const shownTitle = pickText(section.title, locale)?.text ?? section.name;
  const nameOf = (id: string | number) => section.items.find((i) => i.id === id)?.name ?? String(id);
  const positionOf = (id: string | number | undefined) => section.items.findIndex((i) => i.id === id) + 1;
  const total = section.items.length;
  const announcements: Announcements = {
    onDragStart: ({ active }) => td("pickedUp", { name: nameOf(active.id), position: positionOf(active.id), total }),
    onDragOver: ({ active, over }) =>
      over
        ? td("over", { name: nameOf(active.id), position: positionOf(over.id), total })
        : td("notOver", { name: nameOf(active.id) }),
    onDragEnd: ({ active, over }) =>
      over
        ? td("dropped", { name: nameOf(active.id), position: positionOf(over.id), total })
        : td("cancelled", { name: nameOf(active.id) }),
    onDragCancel: ({ active }) => td("cancelled", { name: nameOf(active.id) }),
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onMoveItem(String(active.id), section.id, positionOf(over.id) - 1);
  };
  const rename = (e: FormEvent) => {
    e.preventDefault();
    change.run({ op: "renameSection", sectionId: section.id, title }, () => t("renamed"));
  };
  const remove = () => {
    const names = section.items.map((i) => i.name);
    if (structuralProblems(removeFromOutline(outline, { sections: [section.name] })).length) {
      return setWarning(t("dependents", { names: dependentsOf(outline, names).join(", ") }));
    }
    if (window.confirm(t("confirmRemove", { title: shownTitle, count: section.items.length })))
      change.run({ op: "removeSection", sectionId: section.id }, () => t("removed", { title: shownTitle }));
  };

  // Each question's earlier questions: those of earlier sections, then those above it here.
  const earlierOf = section.items.map((_, i) => [...earlierItems, ...section.items.slice(0, i)]);
  return (
    <li ref={setNodeRef} style={{ transform: CSS.Transform.toString(transform), transition }} className="section-card">
      <section aria-labelledby={`section-title-${section.id}`}>
        <div className="section-head">
          <Button
            size="sm"
            className="drag-handle"
            ref={setActivatorNodeRef}
            {...attributes}
            {...listeners}
            aria-label={t("drag", { title: shownTitle })}
          >
            <span aria-hidden="true">⠿</span>
          </Button>
          <h2 id={`section-title-${section.id}`}>
            {index + 1}. {shownTitle}
          </h2>
          <span className="section-actions" role="group" aria-label={t("actionsFor", { title: shownTitle })}>
            <Button
              size="sm"
              disabled={change.pending || index === 0}
              onClick={() => onMoveSection(section.id, index - 1)}
            >
              {t("moveUp")}
              <span className="visually-hidden">: {shownTitle}</span>
            </Button>
            <Button
              size="sm"
              disabled={change.pending || index === q.sections.length - 1}
              onClick={() => onMoveSection(section.id, index + 1)}
            >
              {t("moveDown")}
              <span className="visually-hidden">: {shownTitle}</span>
            </Button>
            <Button size="sm" variant="danger" disabled={change.pending} onClick={remove}>
              {t("remove")}
              <span className="visually-hidden">: {shownTitle}</span>
            </Button>
          </span>
        </div>
        {warning && (
          <p className="builder-notice builder-notice--error" role="alert">
            {warning}
          </p>
        )}
        <details className="item-details">
          <summary>{t("rename", { title: shownTitle })}</summary>
          <form onSubmit={rename}>
            <LocalizedInputs
              idPrefix={`section-${section.id}-title`}
              label={(language) => t("titleIn", { language })}
              languages={q.languages}
              value={title}
              onChange={setTitle}
            />
            <Button variant="primary" type="submit" disabled={change.pending}>
              {t("saveTitle")}
            </Button>
          </form>
        </details>
        {section.items.length === 0 ? (
          <p className="muted">{t("empty")}</p>
        ) : (
          <DndContext
            sensors={sensors}
            collisionDetection={closestCenter}
            onDragEnd={onDragEnd}
            accessibility={{ announcements, screenReaderInstructions: { draggable: td("instructions") } }}
          >
            <SortableContext items={section.items.map((i) => i.id)} strategy={verticalListSortingStrategy}>
              <ol className="item-list">
                {section.items.map((item, i) => (
                  <ItemCard
                    key={item.id}
                    item={item}
                    earlier={earlierOf[i]}
                    pair={pairs[item.code]}
                    onMove={onMoveItem}
                    place={{
                      sectionId: section.id,
                      sectionName: section.name,
                      index: i,
                      count: section.items.length,
                      sectionIndex: index,
                    }}
                  />
                ))}
              </ol>
            </SortableContext>
          </DndContext>
        )}
      </section>
    </li>
  );
}
