/**
 * The reader's language, shared by both pages: Spanish unless `?lang=en` asks otherwise or the
 * person chose English before on either page (kept in localStorage, per browser), and the
 * static texts of a page rewritten from its message catalogue through data-i18n attributes.
 */
/** Languages the pages speak. */
export type Lang = "es" | "en";

const LANG_KEY = "carebus.lang";

/** The language chosen before in this browser, or null. */
export function storedLang(): string | null {
  try {
    return localStorage.getItem(LANG_KEY);
  } catch {
    return null;
  }
}

/** Remembers the chosen language for both pages of this browser. */
export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Storage disabled: the choice lasts for this page view.
  }
}

/** Reads the language from ?lang=, then the stored choice, defaulting to Spanish. */
export function initialLang(search: string, stored: string | null): Lang {
  const fromUrl = new URLSearchParams(search).get("lang");
  if (fromUrl === "en" || fromUrl === "es") return fromUrl;
  return stored === "en" ? "en" : "es";
}

/**
 * Rewrites every element carrying data-i18n (text), data-i18n-placeholder or data-i18n-label
 * (aria-label) from `words`, sets the document's language, and points the language switch
 * (#lang-toggle) at the other language.
 */
export function applyStaticTexts(words: object, lang: Lang): void {
  const t = words as Record<string, unknown>;
  document.documentElement.lang = lang;
  const apply = (attribute: string, set: (el: HTMLElement, text: string) => void) => {
    for (const el of document.querySelectorAll<HTMLElement>(`[${attribute}]`)) {
      const key = el.getAttribute(attribute)!;
      const text = t[key];
      if (typeof text !== "string") throw new Error(`message catalogue has no text "${key}"`);
      set(el, text);
    }
  };
  apply("data-i18n", (el, text) => (el.textContent = text));
  apply("data-i18n-placeholder", (el, text) => el.setAttribute("placeholder", text));
  apply("data-i18n-label", (el, text) => el.setAttribute("aria-label", text));
  document.getElementById("lang-toggle")?.setAttribute("lang", lang === "es" ? "en" : "es");
}
