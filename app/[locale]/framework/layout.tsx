import type { ReactNode } from "react";
import { AreaMessages } from "@/components/i18n/AreaMessages";

export default function FrameworkLayout({ children }: { children: ReactNode }) {
  return <AreaMessages area="framework">{children}</AreaMessages>;
}
