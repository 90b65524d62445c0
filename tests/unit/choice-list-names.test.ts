// One exported form's choice lists: items pinned to different bank versions of one list keep
// their own choices under their own list name; identical lists are written once.
import { describe, expect, it } from "vitest";
import { ChoiceListNames } from "@/lib/questionnaires/choice-list-names";

const choice = (name: string, en: string) => ({ name, label: { en: { text: en, status: "approved" as const } } });
const v1 = [choice("yes", "Yes"), choice("no", "No")];
const v2 = [...v1, choice("unsure", "Not sure")];

describe("choice list names", () => {
  it("writes a list once when the items share it, and gives a different version its own name", () => {
    const lists = new ChoiceListNames();
    expect(lists.nameFor("yes_no", v1, 1)).toBe("yes_no");
    expect(lists.nameFor("yes_no", [...v1], 3)).toBe("yes_no");
    expect(lists.nameFor("yes_no", v2, 2)).toBe("yes_no_v2");
    expect(lists.nameFor("yes_no", v2, 2)).toBe("yes_no_v2");
    // A name already taken by another list with other choices is passed over.
    expect(lists.nameFor("yes_no_v2", v1, 1)).toBe("yes_no_v2_v1");
    expect(lists.all().map((l) => [l.name, l.choices.map((c) => c.name).join(",")])).toEqual([
      ["yes_no", "yes,no"],
      ["yes_no_v2", "yes,no,unsure"],
      ["yes_no_v2_v1", "yes,no"],
    ]);
  });
});
