/** A character as Unicode names it in messages: "U+00E9". */
export const codePointLabel = (character: string): string => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
