import type { ReactNode } from "react";
import { AreaMessages } from "@/components/i18n/AreaMessages";

export default function SearchLayout({ children }: { children: ReactNode }) {
  return <AreaMessages area="search">{children}</AreaMessages>;
}
