import type { ReactNode } from "react";
import { AreaMessages } from "@/components/i18n/AreaMessages";

export default function TranslateLayout({ children }: { children: ReactNode }) {
  return <AreaMessages area="translate">{children}</AreaMessages>;
}
