// The one answer of every server action, for the forms to show: a success with its data, or a
// refusal with a stable code, a message already in the person's language, the fields to fix, and
// (where a domain has them) the details a screen needs to act, such as the saved version of a conflict.
// Importable by client components: nothing here reaches the server.

export type ActionFailure<D = Record<string, unknown>> = {
  ok: false;
  /** Stable and machine-readable: "invalidInput", "badRequest", "forbidden", "conflict", "unavailable", or a domain's own. */
  code: string;
  /** The refusal in the person's language, ready to show. */
  message: string;
  /** One message per field to fix, in the person's language (keys are field paths such as "label" or "title.en"). */
  fieldErrors?: Record<string, string>;
  details?: D;
};

export type ActionResult<T = undefined, D = Record<string, unknown>> = { ok: true; data: T } | ActionFailure<D>;

export function isFailure<T, D>(result: ActionResult<T, D> | null | undefined): result is ActionFailure<D> {
  return !!result && result.ok === false;
}
