// The one base of every refusal a domain throws (a person asked for something they may not have, or
// sent something that cannot be done), so that the edges (route handlers, server actions) tell a
// refusal from a bug without knowing each domain: ground code never imports a domain.
export abstract class Refusal extends Error {
  abstract readonly code: string;
  /**
   * "all": every code is also an HTTP error code of the edge (lib/http/errors.ts);
   * "shared": only the codes shared with the edge are kept, any other is a bad request.
   */
  readonly edgeCodes: "all" | "shared" = "shared";
  /** Field-level problems, as message keys or messages per form field. */
  readonly fieldErrors?: Record<string, string[]>;
}
