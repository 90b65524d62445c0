import type { ReactNode } from "react";
import { AreaMessages } from "@/components/i18n/AreaMessages";

export default function TemplatesLayout({ children }: { children: ReactNode }) {
  return <AreaMessages area="templates">{children}</AreaMessages>;
}
