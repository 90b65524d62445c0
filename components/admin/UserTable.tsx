import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import type { UserListRow } from "@/lib/users/data";
import { isolate } from "@/lib/text/bidi";

/** Everyone with an account: roles, languages, whether they can sign in. */
export async function UserTable({ users }: { users: UserListRow[] }) {
  const [t, ta, tl, format] = await Promise.all([
    getTranslations("admin"),
    getTranslations("account"),
    getTranslations("languages"),
    getFormatter(),
  ]);
  const names = (langs: readonly string[]) => format.list(langs.map((l) => tl("name", { language: l })));
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t("listCaption", { count: users.length })}>
      <table>
        <caption>{t("listCaption", { count: users.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("name")}</th>
            <th scope="col">{t("email")}</th>
            <th scope="col">{t("roles")}</th>
            <th scope="col">{t("languages")}</th>
            <th scope="col">{t("status")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row">
                <Link href={`/admin/users/${user.id}`} aria-label={t("editLabel", { name: isolate(user.name) })}>
                  <bdi>{user.name}</bdi>
                </Link>
              </th>
              <td>
                <bdi dir="ltr">{user.email}</bdi>
              </td>
              <td>{user.roles.map((r) => ta(`roleNames.${r}`)).join(", ") || "—"}</td>
              <td>
                {user.translateLanguages.length > 0 && (
                  <div>{t("translates", { langs: names(user.translateLanguages) })}</div>
                )}
                {user.reviewLanguages.length > 0 && <div>{t("reviews", { langs: names(user.reviewLanguages) })}</div>}
              </td>
              <td>{user.disabled ? <span className="badge-off">{t("disabled")}</span> : t("active")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
