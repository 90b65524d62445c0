// A builder refusal reaches the field it concerns (issue #18): the server's messages keyed by the
// editors' field names, whether they come from zod (`edit.relevant`), a rename rule (`name`) or the
// form reader's problem in a column (`relevant`, `label::Français (fr)`).
import { describe, expect, it } from "vitest";
import { fieldOfColumn, refusalFieldErrors } from "@/lib/builder/field-errors";
import { fieldMessages } from "@/components/builder/use-field-errors";

const t = (key: string, values?: Record<string, unknown>) =>
  `${key}${values?.value ? `(${String(values.value)})` : ""}`;

describe("refusals tied to fields", () => {
  it("maps a reader problem's column to the editor's field", () => {
    expect(fieldOfColumn("relevant")).toBe("relevant");
    expect(fieldOfColumn("label::Français (fr)")).toBe("label");
    expect(fieldOfColumn("constraint_message::English (en)")).toBe("constraintMessage");
    expect(fieldOfColumn("repeat_count")).toBe("repeatCount");
    expect(fieldOfColumn("bind::odk:note")).toBeNull();
    expect(fieldOfColumn(undefined)).toBeNull();
  });

  it("words the rename rule's field and the reader's problems, first message per field", () => {
    expect(
      refusalFieldErrors(
        {
          fields: { name: "nameTaken" },
          formProblems: [
            { code: "unknown_reference", column: "relevant", value: "agee" },
            { code: "malformed_reference", column: "relevant" },
            { code: "unknown_reference", column: "label::English (en)", value: "x" },
            { code: "duplicate_name", column: "name", value: "a" },
          ],
        },
        t,
      ),
    ).toEqual({
      name: "builder.fieldErrors.nameTaken",
      relevant: "import.problems.unknown_reference(agee)",
      label: "import.problems.unknown_reference(x)",
    });
  });

  it("keys the server's messages by the form's field names", () => {
    expect(
      fieldMessages({
        "edit.relevant": "bad",
        "edit.label.English (en)": "too long",
        "list.choices.2.name": "required",
        "list.choices.2.label.fr": "too long",
        name: "taken",
      }),
    ).toEqual({
      relevant: "bad",
      label: "too long",
      "choices.2.name": "required",
      "choices.2.label": "too long",
      name: "taken",
    });
    expect(fieldMessages(undefined)).toEqual({});
  });
});
