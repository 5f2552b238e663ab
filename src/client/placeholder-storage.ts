// The values a reader typed for placeholders, kept in localStorage so the next guide that asks for the
// same placeholder starts with them. Nothing else writes them: not the address, not the page.
import { isPlaceholderName } from "../commands/placeholders.ts";

const storageKey = "dspm-guides-placeholder-values";

/**
 * A line break or other control character cannot come from the panel's one-line fields. Pasted into a
 * shell it would run the command early, so a stored value holding one is not used.
 */
const controlCharacter = /\p{Cc}/u;

export function storedPlaceholderValues(): Map<string, string> {
  const values = new Map<string, string>();
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(storageKey) ?? "{}");
    if (!stored || typeof stored !== "object" || Array.isArray(stored)) return values;
    for (const [name, value] of Object.entries(stored)) {
      const usable = typeof value === "string" && value !== "" && !controlCharacter.test(value);
      if (isPlaceholderName(name) && !isCredentialName(name) && usable) values.set(name, value);
    }
  } catch {
    // Blocked storage or a value no JSON parser reads: every field starts empty.
  }
  return values;
}

/**
 * A placeholder that stands for a credential (`<leaked-token>`, `<db-password>`, `<api-key>`): its last
 * words name a kind of secret, where `<secret-id>`, `<key-file>` or `<object-key>` name something else. Its value
 * lasts for the page only: a secret written to storage would outlive the incident it was typed for.
 */
const credentialName = /(?:^|-)(?:secret|password|passphrase|token|credentials?|pat|(?:api|access|private|secret|signing|account)-key)$/;
export const isCredentialName = (name: string): boolean => credentialName.test(name);

/** Keeps one value, or forgets it when it is empty; a credential's value is never kept. */
export function storePlaceholderValue(name: string, value: string): void {
  const values = storedPlaceholderValues();
  if (value === "" || isCredentialName(name)) values.delete(name);
  else values.set(name, value);
  try {
    localStorage.setItem(storageKey, JSON.stringify(Object.fromEntries(values)));
  } catch {
    // Without storage the value lasts for this page only.
  }
}

export function forgetPlaceholderValues(): void {
  try {
    localStorage.removeItem(storageKey);
  } catch {
    // Nothing was kept.
  }
}
