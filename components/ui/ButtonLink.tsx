import type { ComponentProps } from "react";
import { Link } from "@/lib/i18n/navigation";
import { buttonClass, type Look } from "./Button";

/** A link to another page that looks like a button (New questionnaire, Import). */
export function ButtonLink({ variant, size, className, ...props }: ComponentProps<typeof Link> & Look) {
  return <Link className={buttonClass({ variant, size }, className)} {...props} />;
}
