/**
 * Text that Accord refuses in any string of a request (body, query, path, at any depth, keys included), checked
 * after the schema: PostgreSQL cannot store NUL in `text` (22021) nor `\u0000` in `jsonb` (22P05); the other C0
 * controls (tab, line feed and carriage return excepted) and DEL have no place in administrative text and break
 * CSV, PDF and iCalendar exports; a lone UTF-16 surrogate is not Unicode text at all (it would be stored as U+FFFD,
 * silently changing the value).
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what this matches.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why the string is refused, or undefined when it is acceptable text. */
export function badText(value: string): string | undefined {
  const control = CONTROL.exec(value);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    return `must not contain the control character U+${code}`;
  }
  if (LONE_SURROGATE.test(value)) return "must be valid Unicode text (it holds a lone surrogate)";
  return undefined;
}

export interface BadTextAt {
  /** JSON pointer of the offending value, as Ajv reports paths (`/modules/0/title`). */
  instancePath: string;
  message: string;
}

const pointer = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");

/** The first refused string in `data` (walked without recursion: the depth of a body is the client's choice). */
export function findBadText(data: unknown): BadTextAt | undefined {
  const stack: { value: unknown; path: string }[] = [{ value: data, path: "" }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      const message = badText(value);
      if (message) return { instancePath: path, message };
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: `${path}/${i}` });
    } else if (value !== null && typeof value === "object") {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i]!;
        const keyProblem = badText(key);
        if (keyProblem)
          return { instancePath: `${path}/${pointer(key)}`, message: `has a name that ${keyProblem}` };
        stack.push({ value: item, path: `${path}/${pointer(key)}` });
      }
    }
  }
  return undefined;
}
