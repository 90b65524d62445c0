import type { ReactNode } from "react";
import { AreaMessages } from "@/components/i18n/AreaMessages";
import "./curate.css";

export default function CurateLayout({ children }: { children: ReactNode }) {
  return <AreaMessages area="curate">{children}</AreaMessages>;
}
