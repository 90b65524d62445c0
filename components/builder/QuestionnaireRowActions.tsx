"use client";
import { useTranslations } from "next-intl";
import { deleteQuestionnaireAction } from "@/lib/builder/actions";
import { FailureMessage } from "./FailureMessage";
import { useQuestionnaireAction } from "./use-questionnaire-action";
import { useAnnouncer } from "@/components/ui/Announcer";
import { Button } from "@/components/ui/Button";

/** Duplicate and delete on the "My questionnaires" list; delete asks first and carries the revision shown. */
export function QuestionnaireRowActions({ id, title, revision }: { id: string; title: string; revision: number }) {
  const t = useTranslations("builder.list");
  const { pending, failure, run, duplicate, router } = useQuestionnaireAction(id);
  const announce = useAnnouncer();
  const remove = () => {
    if (!window.confirm(t("confirmDelete", { title }))) return;
    run(
      () => deleteQuestionnaireAction(id, revision),
      () => {
        // Said (and focused) above the list before this row, and its button, leave the page.
        announce?.(
          t.rich("deleted", {
            q: (chunks) => (
              <q>
                <bdi>{chunks}</bdi>
              </q>
            ),
            title,
          }),
        );
        router.refresh();
      },
    );
  };
  return (
    <>
      <Button size="sm" onClick={duplicate} disabled={pending}>
        {t("duplicate")}
        <span className="visually-hidden">: {title}</span>
      </Button>
      <Button variant="danger" size="sm" onClick={remove} disabled={pending}>
        {t("delete")}
        <span className="visually-hidden">: {title}</span>
      </Button>
      {failure && <FailureMessage failure={failure} onReload={() => router.refresh()} />}
    </>
  );
}
