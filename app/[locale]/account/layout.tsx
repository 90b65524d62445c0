import type { ReactNode } from "react";
import { AreaMessages } from "@/components/i18n/AreaMessages";

export default function AccountLayout({ children }: { children: ReactNode }) {
  return <AreaMessages area="account">{children}</AreaMessages>;
}
