/** A count with its noun, e.g. "1 step", "3 steps". */
export function plural(count: number, noun: string, many = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : many}`;
}
