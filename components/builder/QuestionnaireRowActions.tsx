"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/navigation";
import { deleteQuestionnaireAction, duplicateQuestionnaireAction, type BuilderActionResult } from "@/lib/builder/actions";
import { FailureMessage } from "./FailureMessage";

/** Duplicate and delete on the "My questionnaires" list; delete asks first and carries the revision shown. */
export function QuestionnaireRowActions({ id, title, revision }: { id: string; title: string; revision: number }) {
  const t = useTranslations("builder.list");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<BuilderActionResult | null>(null);
  const duplicate = () =>
    start(async () => {
      const r = await duplicateQuestionnaireAction(id);
      setResult(r);
      if (r.ok && r.id) router.push(`/questionnaires/${r.id}`);
    });
  const remove = () => {
    if (!window.confirm(t("confirmDelete", { title }))) return;
    start(async () => {
      const r = await deleteQuestionnaireAction(id, revision);
      setResult(r);
      if (r.ok) router.refresh();
    });
  };
  return (
    <>
      <button type="button" onClick={duplicate} disabled={pending}>
        {t("duplicate")}
        <span className="visually-hidden">: {title}</span>
      </button>{" "}
      <button type="button" className="danger" onClick={remove} disabled={pending}>
        {t("delete")}
        <span className="visually-hidden">: {title}</span>
      </button>
      {result && !result.ok && <FailureMessage failure={result} onReload={() => router.refresh()} />}
    </>
  );
}
