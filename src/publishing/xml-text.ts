import { escapeMarkup } from "../text/escape.ts";

/**
 * Characters XML 1.0 forbids even when escaped: control characters other than tab and line breaks, unpaired
 * surrogates, U+FFFE and U+FFFF. YAML can write them ("\x01"); one of them would make a whole feed unreadable.
 */
const notXmlCharacter = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text for an XML document, in element content or a quoted attribute: escaped, with forbidden characters replaced. */
export const xmlText = (text: string): string => escapeMarkup(text.replace(notXmlCharacter, "\uFFFD"));
