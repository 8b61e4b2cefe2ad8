/**
 * What the services a bus offers are called, for people: one table from the codes scenarios
 * use (after Bogotá's Manzanas del Cuidado services) to a label per language. The planner page,
 * the community page, the API's stop items and every calendar feed read it, so a caregiver
 * never meets "legal-psychological". A new language adds a column; a missing label falls back
 * to Spanish, and an unknown code to a readable form of itself.
 */
import type { Language } from "./locale.js";

/** Labels by service code, then by language. */
export const SERVICE_LABELS: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
  respite: { es: "Respiro para personas cuidadoras", en: "Respite for caregivers" },
  "legal-psychological": { es: "Orientación jurídica y psicosocial", en: "Legal and psychosocial advice" },
  "child-care": { es: "Cuidado de niñas y niños", en: "Child care" },
  "health-promotion": { es: "Promoción de la salud", en: "Health promotion" },
  "school-completion": { es: "Terminación de estudios (validación)", en: "Finish school (validation)" },
  employment: { es: "Empleo y emprendimiento", en: "Jobs and small business" },
  "elderly-disability-care": {
    es: "Cuidado de personas mayores y con discapacidad",
    en: "Care for older and disabled people",
  },
  "sena-training": { es: "Formación SENA", en: "SENA vocational training" },
  "nature-therapy": { es: "Actividades en la naturaleza", en: "Activities in nature" },
  "physical-activity": { es: "Actividad física", en: "Physical activity" },
  "animal-welfare": { es: "Bienestar animal", en: "Animal welfare" },
};

/**
 * A service's name in `lang`: "legal-psychological" → "Orientación jurídica y psicosocial".
 * An unknown code reads as words ("home-visits" → "Home visits") rather than as an identifier.
 */
export function serviceLabel(code: string, lang: Language): string {
  const known = SERVICE_LABELS[code];
  if (known) return known[lang] ?? known.es;
  const words = code.replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
