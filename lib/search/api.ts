// The search's parameter problems in words, for the public API's 400 (lib/http/parameters.ts).
import { invalidParameters } from "../http/parameters";
import type { Translate } from "../http/messages";
import type { ParamProblem } from "./schema";

const DESCRIBED = new Set([
  "q",
  "lang",
  "domain",
  "topic",
  "indicator",
  "type",
  "status",
  "tag",
  "source",
  "translation",
  "page",
  "pageSize",
  "sort",
  "dir",
]);

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
