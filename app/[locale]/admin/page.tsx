import { redirect } from "@/lib/i18n/navigation";
import type { Language } from "@/lib/i18n/languages";

/** The admin area starts with its users page (the framework editor will sit beside it). */
export default async function AdminPage({ params }: { params: Promise<{ locale: Language }> }) {
  const { locale } = await params;
  redirect({ href: "/admin/users", locale });
}
