"use client";
// The questionnaire builder: settings, adding questions (by code or from a bank search), sections
// and their questions in order (drag and drop by pointer or keyboard, or plain buttons),
// per-question settings, custom wording and bank updates. Every change is saved on the server at
// once, with the revision this page last saw; what happened is announced in a live region.
import { useCallback, useRef, useState, type FormEvent, type ReactNode } from "react";
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
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { pickText, type Language, type PartialLocalizedText } from "@/lib/i18n/languages";
import type { BuilderQuestionnaire, BuilderSection, VersionPair } from "@/lib/builder/data";
import { moveInOutline, moveSectionInOutline, structuralProblems } from "@/lib/builder/skip-logic";
import { BuilderContext } from "./builder-context";
import { useBuilderChange } from "./use-builder-change";
import { FailureMessage } from "./FailureMessage";
import { SectionCard } from "./SectionCard";
import { LocalizedInputs } from "./LocalizedInputs";
import { QuestionnaireSettings } from "./QuestionnaireSettings";
import { AddQuestionsPanel } from "./AddQuestionsPanel";
import { UndoBar } from "./UndoBar";
import { outlineOf } from "./texts";
import { Button } from "@/components/ui/Button";
import type { Hazard } from "@/lib/hazards/schema";
import type { DomainChoice } from "@/lib/builder/bank-search-data";

function moveItemLocally(
  sections: BuilderSection[],
  itemId: string,
  sectionId: string,
  position: number,
): BuilderSection[] {
  const item = sections.flatMap((s) => s.items).find((i) => i.id === itemId);
  if (!item) return sections;
  return sections
    .map((s) => ({ ...s, items: s.items.filter((i) => i.id !== itemId) }))
    .map((s) =>
      s.id === sectionId ? { ...s, items: [...s.items.slice(0, position), item, ...s.items.slice(position)] } : s,
    );
}

export function Builder({
  q: serverQ,
  pairs,
  locale,
  ownForm,
  hazards = [],
  domains = [],
  lastChange = null,
}: {
  q: BuilderQuestionnaire;
  pairs: Record<string, VersionPair>;
  locale: Language;
  /** The questionnaire's own (imported) form, shown and edited before the bank's sections */
  ownForm?: ReactNode;
  /** The hazards its questions' placeholders may name */
  hazards?: Hazard[];
  /** The framework's domains, a filter of the bank search panel */
  domains?: DomainChoice[];
  /** What the last change did, in the page's words, while it can be undone */
  lastChange?: string | null;
}) {
  const t = useTranslations("builder");
  const td = useTranslations("builder.dnd");
  const change = useBuilderChange(serverQ.id, serverQ.revision);
  // The order shown moves at once on a drop; the server's answer (or a refusal) then replaces it.
  const [local, setLocal] = useState({ from: serverQ, sections: serverQ.sections });
  let sections = local.sections;
  if (local.from !== serverQ) {
    sections = serverQ.sections;
    setLocal({ from: serverQ, sections });
  }
  const q = { ...serverQ, sections };
  const outline = outlineOf(q);
  const [sectionTitle, setSectionTitle] = useState<PartialLocalizedText>({});
  const sensors = useSensors(
    useSensor(PointerSensor),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const refuseBroken = (broken: ReturnType<typeof structuralProblems>) =>
    change.setFeedback({
      kind: "error",
      failure: {
        ok: false,
        code: "skipLogicBroken",
        message: "",
        details: { problems: broken.map(({ owner, question, problem }) => ({ owner, question, problem })) },
      },
    });

  const moveItem = (itemId: string, sectionId: string, position: number) => {
    const item = sections.flatMap((s) => s.items).find((i) => i.id === itemId);
    const section = sections.find((s) => s.id === sectionId);
    if (!item || !section) return;
    // Warn first: a move that leaves a rule pointing forward is refused by the server anyway.
    const broken = structuralProblems(moveInOutline(outline, item.name, section.name, position));
    if (broken.length) return refuseBroken(broken);
    setLocal({ from: serverQ, sections: moveItemLocally(sections, itemId, sectionId, position) });
    const title = pickText(section.title, locale)?.text ?? section.name;
    change
      .run({ op: "moveItem", itemId, sectionId, position }, () =>
        t("item.moved", { name: item.name, position: position + 1, section: title }),
      )
      .then((ok) => {
        if (!ok) setLocal({ from: serverQ, sections: serverQ.sections });
      });
  };

  const moveSection = (sectionId: string, position: number) => {
    const section = sections.find((s) => s.id === sectionId);
    if (!section || position < 0 || position >= sections.length) return;
    const broken = structuralProblems(moveSectionInOutline(outline, section.name, position));
    if (broken.length) return refuseBroken(broken);
    const rest = sections.filter((s) => s.id !== sectionId);
    setLocal({ from: serverQ, sections: [...rest.slice(0, position), section, ...rest.slice(position)] });
    const title = pickText(section.title, locale)?.text ?? section.name;
    change
      .run({ op: "moveSection", sectionId, position }, () => t("section.moved", { title, position: position + 1 }))
      .then((ok) => {
        if (!ok) setLocal({ from: serverQ, sections: serverQ.sections });
      });
  };

  const sectionTitleOf = (id: string | number) => {
    const s = sections.find((x) => x.id === id);
    return s ? (pickText(s.title, locale)?.text ?? s.name) : String(id);
  };
  const sectionPosition = (id: string | number | undefined) => sections.findIndex((s) => s.id === id) + 1;
  const sectionAnnouncements: Announcements = {
    onDragStart: ({ active }) =>
      td("pickedUp", { name: sectionTitleOf(active.id), position: sectionPosition(active.id), total: sections.length }),
    onDragOver: ({ active, over }) =>
      over
        ? td("over", { name: sectionTitleOf(active.id), position: sectionPosition(over.id), total: sections.length })
        : td("notOver", { name: sectionTitleOf(active.id) }),
    onDragEnd: ({ active, over }) =>
      over
        ? td("dropped", { name: sectionTitleOf(active.id), position: sectionPosition(over.id), total: sections.length })
        : td("cancelled", { name: sectionTitleOf(active.id) }),
    onDragCancel: ({ active }) => td("cancelled", { name: sectionTitleOf(active.id) }),
  };
  const onSectionDragEnd = ({ active, over }: DragEndEvent) => {
    if (over && active.id !== over.id) moveSection(String(active.id), sectionPosition(over.id) - 1);
  };

  const addSection = (e: FormEvent) => {
    e.preventDefault();
    change
      .run({ op: "addSection", title: sectionTitle }, () => t("section.added"))
      .then((ok) => ok && setSectionTitle({}));
  };

  const status = useRef<HTMLDivElement>(null);
  const { run } = change;
  const undo = useCallback(() => {
    if (!lastChange) return;
    run({ op: "undo" }, () => t("undo.done", { change: lastChange })).then((ok) => {
      // The bar and its button go away with the change undone: focus moves to what was said.
      if (ok) status.current?.focus();
    });
  }, [run, lastChange, t]);

  const earlierOf = sections.map((_, i) => sections.slice(0, i).flatMap((s) => s.items));
  return (
    <BuilderContext.Provider value={{ q, locale, outline, hazards, change }}>
      <div className="builder">
        <div className="builder-status" role="status" aria-live="polite" tabIndex={-1} ref={status}>
          {change.pending ? t("saving") : change.feedback?.kind === "ok" ? change.feedback.message : ""}
        </div>
        {change.feedback?.kind === "error" && (
          <FailureMessage failure={change.feedback.failure} onReload={change.reload} />
        )}
        <QuestionnaireSettings key={`${serverQ.revision}`} />
        {ownForm}

        <AddQuestionsPanel domains={domains} />

        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={onSectionDragEnd}
          accessibility={{
            announcements: sectionAnnouncements,
            screenReaderInstructions: { draggable: td("instructions") },
          }}
        >
          <SortableContext items={sections.map((s) => s.id)} strategy={verticalListSortingStrategy}>
            <ol className="section-list" aria-label={t("sectionsLabel")}>
              {sections.map((section, i) => (
                <SectionCard
                  key={section.id}
                  section={section}
                  index={i}
                  earlierItems={earlierOf[i]}
                  pairs={pairs}
                  onMoveItem={moveItem}
                  onMoveSection={moveSection}
                />
              ))}
            </ol>
          </SortableContext>
        </DndContext>

        <section aria-labelledby="add-section-heading" className="builder-panel">
          <h2 id="add-section-heading">{t("section.addHeading")}</h2>
          <form onSubmit={addSection}>
            <LocalizedInputs
              idPrefix="new-section-title"
              label={(language) => t("section.titleIn", { language })}
              languages={q.languages}
              value={sectionTitle}
              onChange={setSectionTitle}
            />
            <Button variant="primary" type="submit" disabled={change.pending}>
              {t("section.add")}
            </Button>
          </form>
        </section>
        {/* Offered for what this page shows: not while a change is on its way or not yet read back. */}
        {lastChange && !change.pending && change.revision === serverQ.revision && (
          <UndoBar change={lastChange} onUndo={undo} />
        )}
      </div>
    </BuilderContext.Provider>
  );
}
