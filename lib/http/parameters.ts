// The 400 for query parameters an endpoint does not accept: one sentence per parameter, and the
// list in details.params so that a program can point at the field.
import { HttpError } from "./errors";

export type ParameterProblem = { param: string; message: string };

export function invalidParameters(problems: ParameterProblem[]): HttpError {
  return new HttpError("invalidParameters", {
    params: { problems: problems.map((p) => p.message).join(" ") },
    details: { params: problems },
  });
}
