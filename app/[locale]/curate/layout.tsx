import type { ReactNode } from "react";
import "./curate.css";

export default function CurateLayout({ children }: { children: ReactNode }) {
  return children;
}
