// The choice lists of one exported questionnaire, once each. Pure.
import type { QuestionnaireChoiceList } from "./model";

/**
 * The form's choice lists, once each. Items pinned to different bank versions of one list may
 * hold different choices: the later one gets its own list name (`<list>_v<version>`), so that
 * neither item's answers change.
 */
export class ChoiceListNames {
  private byName = new Map<string, { list: QuestionnaireChoiceList; key: string }>();

  nameFor(wanted: string, choices: QuestionnaireChoiceList["choices"], version: number): string {
    const key = JSON.stringify(choices);
    for (const candidate of [
      wanted,
      `${wanted}_v${version}`,
      ...Array.from({ length: 50 }, (_, n) => `${wanted}_v${version}_${n + 2}`),
    ]) {
      const found = this.byName.get(candidate);
      if (found && found.key !== key) continue;
      if (!found) this.byName.set(candidate, { list: { name: candidate, choices }, key });
      return candidate;
    }
    throw new Error(`Too many versions of choice list ${wanted} in one questionnaire`);
  }

  all(): QuestionnaireChoiceList[] {
    return [...this.byName.values()].map((v) => v.list);
  }
}
