// A translation's review thread, oldest first: a reviewer's "sent back" reasons marked, then the
// form to add a comment.
import { getFormatter, getTranslations } from "next-intl/server";
import type { Language } from "@/lib/i18n/languages";
import type { TranslationItem } from "@/lib/translations/item-data";
import { CommentForm } from "./CommentForm";
import styles from "./translate.module.css";

export async function CommentThread({ item, lang }: { item: TranslationItem; lang: Language }) {
  const [t, format] = await Promise.all([getTranslations("translate"), getFormatter()]);
  return (
    <section aria-labelledby="comments-title">
      <h2 id="comments-title">{t("comments.title")}</h2>
      {item.comments.length === 0 ? (
        <p className="muted">{t("comments.none")}</p>
      ) : (
        <ol className={styles.thread}>
          {item.comments.map((c) => (
            <li key={c.id} className={c.kind === "return" ? styles.returned : undefined}>
              <p>
                <strong>{c.author ? <bdi>{c.author}</bdi> : t("editor.someone")}</strong> ·{" "}
                {format.dateTime(c.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                {c.kind === "return" && <> · {t("comments.sentBack")}</>}
              </p>
              <p dir="auto">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      <CommentForm code={item.code} lang={lang} />
    </section>
  );
}
