import type { ReactNode } from "react";
import { AreaMessages } from "@/components/i18n/AreaMessages";

export default function QuestionnairesLayout({ children }: { children: ReactNode }) {
  return <AreaMessages area="questionnaires">{children}</AreaMessages>;
}
