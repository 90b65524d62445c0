import type { ReactNode } from "react";
import { AreaMessages } from "@/components/i18n/AreaMessages";

export default function AdminLayout({ children }: { children: ReactNode }) {
  return <AreaMessages area="admin">{children}</AreaMessages>;
}
