"use client";
import { useTranslations } from "next-intl";
import { deleteQuestionnaireAction } from "@/lib/builder/actions";
import { FailureMessage } from "./FailureMessage";
import { useQuestionnaireAction } from "./use-questionnaire-action";

/** Duplicate and delete on the "My questionnaires" list; delete asks first and carries the revision shown. */
export function QuestionnaireRowActions({ id, title, revision }: { id: string; title: string; revision: number }) {
  const t = useTranslations("builder.list");
  const { pending, failure, run, duplicate, router } = useQuestionnaireAction(id);
  const remove = () => {
    if (!window.confirm(t("confirmDelete", { title }))) return;
    run(
      () => deleteQuestionnaireAction(id, revision),
      () => router.refresh(),
    );
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
      {failure && <FailureMessage failure={failure} onReload={() => router.refresh()} />}
    </>
  );
}
