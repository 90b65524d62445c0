import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { LANGUAGE_NAMES, type Language } from "@/lib/i18n/languages";
import type { UserListRow } from "@/lib/users/data";

const names = (langs: string[]) => langs.map((l) => LANGUAGE_NAMES[l as Language] ?? l).join(", ");

/** Everyone with an account: roles, languages, whether they can sign in. */
export async function UserTable({ users }: { users: UserListRow[] }) {
  const t = await getTranslations("admin");
  const ta = await getTranslations("account");
  return (
    <div className="table-wrap">
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
                <Link href={`/admin/users/${user.id}`} aria-label={t("editLabel", { name: user.name })}>
                  {user.name}
                </Link>
              </th>
              <td dir="ltr">{user.email}</td>
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
