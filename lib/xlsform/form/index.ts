// The lossless XLSForm model: read a file into it, write it back (see ../README.md).
export { readForm, readFormFile, type ReadFormResult } from "./read-form";
export { formToWorkbook, surveyRowCount, writeFormFile } from "./write-form";
export { describeProblem, type FormProblem, type FormProblemCode } from "./problems";
export { formatType, METADATA_TYPES, parseType, type ParsedType, type SelectKind } from "./question-types";
export * from "./model";
