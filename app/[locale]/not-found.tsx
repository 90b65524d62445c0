import { NotFoundMessage } from "@/components/layout/NotFoundMessage";

/** A page that called notFound() (an unknown question code, questionnaire, user …): inside the site's layout. */
export default function NotFound() {
  return <NotFoundMessage />;
}
