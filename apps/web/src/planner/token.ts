/**
 * The write token (bearer) for running, cancelling and publishing plans. It is asked for in a
 * dialog only when needed and kept in sessionStorage, so it lives as long as the tab and
 * never reaches localStorage or a URL.
 */
import { byId } from "../shared/dom.js";

const KEY = "carebus.apiToken";

/** The stored token, or null. */
export function storedToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** Forgets the token (after the server refused it). */
export function forgetToken(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Storage disabled: nothing was kept.
  }
}

/**
 * The stored token, or asks for one in the token dialog (resolves null if the person
 * cancels). `reason` explains why it is asked; `askAgain` asks even with a stored token (the
 * server refused it).
 */
export function ensureToken(reason: string, askAgain = false): Promise<string | null> {
  const existing = storedToken();
  if (existing && !askAgain) return Promise.resolve(existing);
  const dialog = byId<HTMLDialogElement>("token-dialog");
  const input = byId<HTMLInputElement>("token-input");
  const note = byId("token-reason");
  note.textContent = reason;
  input.value = "";
  return new Promise((resolve) => {
    dialog.addEventListener(
      "close",
      () => {
        const token = input.value.trim();
        if (dialog.returnValue === "save" && token) {
          try {
            sessionStorage.setItem(KEY, token);
          } catch {
            // Storage disabled: use the token for this call only.
          }
          resolve(token);
        } else resolve(null);
      },
      { once: true },
    );
    dialog.showModal();
    input.focus();
  });
}
