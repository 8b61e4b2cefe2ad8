/**
 * What every planner view needs to speak to its reader: the message catalogue of the chosen
 * language and the locale dates and numbers are written in (the scenario's, e.g. es-CO, when
 * it speaks that language).
 */
import type { Lang } from "../shared/language.js";
import type { PlannerMessages } from "./messages.js";

export interface Words {
  lang: Lang;
  locale: string;
  t: PlannerMessages;
}
