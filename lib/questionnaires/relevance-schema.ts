// Skip logic as structured rules ("show this if <earlier question> <operator> <value>"), stored as
// JSON and turned into an XLSForm `relevant` expression only when exporting.
import { z } from "zod";
import { xlsformNameSchema } from "../vocabulary/names";

export const RELEVANCE_OPERATORS = ["eq", "neq", "selected", "not_selected", "gt", "gte", "lt", "lte"] as const;
export type RelevanceOperator = (typeof RELEVANCE_OPERATORS)[number];

export const relevanceRuleSchema = z.object({
  // An item name: a bank code for items taken from the bank, any XLSForm name for imported ones.
  question: xlsformNameSchema,
  operator: z.enum(RELEVANCE_OPERATORS),
  value: z.union([z.string().trim().min(1).max(64), z.number()]),
});

export const relevanceSchema = z.object({
  combinator: z.enum(["and", "or"]),
  rules: z.array(relevanceRuleSchema).min(1).max(20),
});

export type RelevanceRule = z.infer<typeof relevanceRuleSchema>;
export type Relevance = z.infer<typeof relevanceSchema>;
