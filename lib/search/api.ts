// The search's parameter problems in words, for the public API's 400 (lib/http/parameters.ts).
import { invalidParameters } from "../http/parameters";
import type { Translate } from "../http/messages";
import type { ParamProblem } from "./schema";
import { SEARCH_PARAM_NAMES } from "./query-string";

// Every search parameter has its own message (search.errors.params.*); anything else is "query".
const DESCRIBED: ReadonlySet<string> = new Set(SEARCH_PARAM_NAMES);

export function searchParameterError(problems: ParamProblem[], t: Translate) {
  return invalidParameters(
    problems.map((p) => ({
      param: p.param,
      message:
        p.code === "repeated"
          ? t("search.errors.repeated", { param: p.param })
          : t(`search.errors.params.${DESCRIBED.has(p.param) ? p.param : "query"}`),
    })),
  );
}
