"use client";
// The search results' preview: hovering over a result's question link (or focusing it with the
// keyboard) shows the question as a respondent sees it, in a popover next to the link. One island
// for the whole table, listening on the results' container (event delegation): the rows stay
// server-rendered markup with nothing added to them (issue 19: the page's DOM size and hydration).
// The question comes from the public read API, once per code. WCAG 1.4.13: Escape hides it without
// moving the focus, the pointer can move onto it, and it stays until the pointer leaves or the link
// loses the focus. Not for touch: a tap follows the link.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { Language } from "@/lib/i18n/languages";
import type { ApiQuestion } from "@/lib/search/types";
import { HazardSlots } from "@/components/hazards/HazardSlots";
import { hazardWordsFromData, type HazardWordsData } from "@/components/hazards/hazard-words";
import { codeOfPath, moreText, placePreview, previewContent, type ShownText } from "./result-preview-logic";

export type PreviewTexts = {
  title: string;
  none: string;
  /** "and # more choices" by plural category */
  more: Partial<Record<Intl.LDMLPluralRule, string>>;
  /** "shown in …" by language */
  shownIn: Record<string, string>;
  chooseOne: string;
  chooseAny: string;
  /** The answer types' names */
  types: Record<string, string>;
};

const ID = "result-preview";
const HOVER_DELAY = 300;
/** Time to cross from the link to the popover before it hides */
const LEAVE_DELAY = 150;

const cache = new Map<string, Promise<ApiQuestion | null>>();
function load(code: string): Promise<ApiQuestion | null> {
  let question = cache.get(code);
  if (!question) {
    // A 404 (a draft a curator sees, a question gone since) is remembered as "no preview"; a
    // failed request or any other refusal (a 5xx, a 429) is not, so that the next hover tries again.
    const forget = () => {
      cache.delete(code);
      return null;
    };
    question = fetch(`/api/v1/questions/${code}`).then(
      (r) => (r.ok ? (r.json() as Promise<ApiQuestion>) : r.status === 404 ? null : forget()),
      forget,
    );
    cache.set(code, question);
  }
  return question;
}

export function ResultPreview({
  locale,
  dir,
  texts,
  hazard,
}: {
  locale: Language;
  dir: "ltr" | "rtl";
  texts: PreviewTexts;
  hazard: HazardWordsData;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState<{ link: HTMLAnchorElement; question: ApiQuestion | null } | null>(null);

  useEffect(() => {
    const box = ref.current!;
    const container = box.parentElement!;
    let target: HTMLAnchorElement | null = null; // the link previewed, or about to be
    let hovered = false; // the pointer is on it or on the popover
    let focused = false;
    let dismissed = false; // Escape: hidden until another link, or this one again after leaving it
    let showTimer: number | undefined;
    let hideTimer: number | undefined;
    let request = 0;

    const linkOf = (node: EventTarget | null) =>
      node instanceof Element ? node.closest<HTMLAnchorElement>("a.result-label") : null;
    const inside = (node: EventTarget | null) =>
      node instanceof Node && (box.contains(node) || (target?.contains(node) ?? false));
    const show = (link: HTMLAnchorElement) => {
      const code = codeOfPath(new URL(link.href).pathname);
      if (!code) return;
      const mine = ++request;
      void load(code).then((question) => {
        if (mine === request && target === link && !dismissed) setShown({ link, question });
      });
    };
    const hide = () => {
      request++;
      window.clearTimeout(showTimer);
      setShown(null);
    };
    const reset = () => {
      hide();
      target = null;
      hovered = focused = dismissed = false;
    };
    const leaveSoon = () => {
      window.clearTimeout(hideTimer);
      hideTimer = window.setTimeout(() => !hovered && !focused && reset(), LEAVE_DELAY);
    };
    const start = (link: HTMLAnchorElement) => {
      hide();
      target = link;
      dismissed = false;
      focused = document.activeElement === link;
      hovered = false;
    };

    const onOver = (e: PointerEvent) => {
      if (e.pointerType === "touch") return;
      if (target && inside(e.target)) {
        hovered = true;
        window.clearTimeout(hideTimer);
        return;
      }
      const link = linkOf(e.target);
      if (!link) return;
      start(link);
      hovered = true;
      showTimer = window.setTimeout(() => show(link), HOVER_DELAY);
    };
    const onOut = (e: PointerEvent) => {
      if (e.pointerType === "touch" || !target || !inside(e.target) || inside(e.relatedTarget)) return;
      hovered = false;
      leaveSoon();
    };
    const onFocus = (e: FocusEvent) => {
      const link = linkOf(e.target);
      if (!link) {
        // The row's checkbox comes just before its link: fetch the question now, so that it is
        // there when Tab reaches the link and a screen reader reads the link's description.
        const next = e.target instanceof Element && e.target.closest("tr")?.querySelector("a.result-label");
        const code = next instanceof HTMLAnchorElement && codeOfPath(new URL(next.href).pathname);
        if (code) void load(code);
        return;
      }
      if (link !== target) start(link);
      else dismissed = false;
      focused = true;
      window.clearTimeout(hideTimer);
      show(link);
    };
    const onBlur = (e: FocusEvent) => {
      if (e.target !== target) return;
      focused = false;
      leaveSoon();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || !target || dismissed) return;
      dismissed = true;
      hide();
    };

    container.addEventListener("pointerover", onOver);
    container.addEventListener("pointerout", onOut);
    container.addEventListener("focusin", onFocus);
    container.addEventListener("focusout", onBlur);
    document.addEventListener("keydown", onKey);
    return () => {
      reset();
      window.clearTimeout(hideTimer);
      container.removeEventListener("pointerover", onOver);
      container.removeEventListener("pointerout", onOut);
      container.removeEventListener("focusin", onFocus);
      container.removeEventListener("focusout", onBlur);
      document.removeEventListener("keydown", onKey);
    };
  }, []);

  // While shown: the link is described by the popover (a screen reader reads it after the link's
  // name), and the popover stays next to the link as the page or the table scrolls.
  useLayoutEffect(() => {
    const box = ref.current;
    if (!shown || !box) return;
    const place = () => {
      const at = placePreview(
        shown.link.getBoundingClientRect(),
        { width: box.offsetWidth, height: box.offsetHeight },
        { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
        dir,
      );
      box.style.insetBlockStart = `${at.top}px`;
      box.style.insetInlineStart = `${at.inlineStart}px`;
    };
    place();
    shown.link.setAttribute("aria-describedby", ID);
    window.addEventListener("scroll", place, { capture: true, passive: true });
    window.addEventListener("resize", place);
    return () => {
      shown.link.removeAttribute("aria-describedby");
      window.removeEventListener("scroll", place, { capture: true });
      window.removeEventListener("resize", place);
    };
  }, [shown, dir]);

  return (
    <div ref={ref} id={ID} role="tooltip" className="result-preview" hidden={!shown}>
      {shown &&
        (shown.question ? (
          <Question question={shown.question} locale={locale} texts={texts} hazard={hazard} />
        ) : (
          <p>{texts.none}</p>
        ))}
    </div>
  );
}

function Question({
  question,
  locale,
  texts,
  hazard,
}: {
  question: ApiQuestion;
  locale: Language;
  texts: PreviewTexts;
  hazard: HazardWordsData;
}) {
  const words = useMemo(() => hazardWordsFromData(hazard), [hazard]);
  const c = previewContent(question, locale);
  const text = (value: ShownText | null, fallback?: string) =>
    value ? (
      <span lang={value.lang} dir="auto">
        <HazardSlots text={value.text} locale={locale} words={words} />
      </span>
    ) : (
      fallback
    );
  // The answer is a picture of the form, not a form: the choices are a list of plain text with
  // their radio circles and boxes drawn by CSS, so that a screen reader reads the description as
  // the question and its choices rather than as controls that cannot be used (nothing here takes
  // the focus or is announced as "unavailable").
  return (
    <>
      <p className="result-preview__head">
        {texts.title} · {texts.types[question.type] ?? question.type}
      </p>
      <p className="result-preview__label">
        {text(c.label, question.code)}
        {c.label && c.label.lang !== locale && (
          <>
            {" "}
            <span className="badge badge--missing">{texts.shownIn[c.label.lang]}</span>
          </>
        )}
      </p>
      {c.hint && <p className="result-preview__hint muted">{text(c.hint)}</p>}
      {c.kind === "field" ? (
        question.type !== "note" && <span className="result-preview__field" data-type={question.type} />
      ) : (
        <>
          <p className="result-preview__how muted">{c.kind === "one" ? texts.chooseOne : texts.chooseAny}</p>
          <ul className={`result-preview__choices result-preview__choices--${c.kind}`}>
            {c.choices.map((choice) => (
              <li key={choice.name}>{text(choice.label, choice.name)}</li>
            ))}
            {c.more > 0 && <li className="result-preview__more muted">{moreText(texts.more, c.more, locale)}</li>}
          </ul>
        </>
      )}
    </>
  );
}
