"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/navigation";
import { duplicateQuestionnaireAction, type BuilderActionResult } from "@/lib/builder/actions";
import { FailureMessage } from "./FailureMessage";

/** "Duplicate into my questionnaires": a private copy of the template, opened in the builder. */
export function DuplicateTemplateButton({ id }: { id: string }) {
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
  return (
    <p>
      <button type="button" onClick={duplicate} disabled={pending}>
        {t("duplicateTemplate")}
      </button>
      {result && !result.ok && <FailureMessage failure={result} />}
    </p>
  );
}
