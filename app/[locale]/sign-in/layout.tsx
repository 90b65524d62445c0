import type { ReactNode } from "react";
import { AreaMessages } from "@/components/i18n/AreaMessages";

export default function SignInLayout({ children }: { children: ReactNode }) {
  return <AreaMessages area="sign-in">{children}</AreaMessages>;
}
