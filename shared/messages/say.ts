import IntlMessageFormat from 'intl-messageformat';

/**
 * Main's words to the desk (field errors, refusals, faults) in English and French.
 *
 * How it works, and why this way: main and the contract write every message by its
 * catalogue id, `say('patients.archived')` or `say('appointments.roomBooked', { room, … })`,
 * which gives the English text. English is what services, tests and logs see, and it
 * stays the default. The answer leaves main through one place, the dispatcher, which
 * re-says it in the clinic's language (`resay`): the text is read back against the
 * catalogue's English (each entry is one pattern, its `{values}` the gaps), and the
 * same entry is formatted in French with the values it held. So no service knows the
 * locale, an error stays plain data `{ code, message, fields }` however it was built
 * or copied, and zod's own field messages (written in the contract by the same ids) go
 * the same way. tests/unit/messages.test.ts checks that every entry has both languages,
 * the same placeholders, and reads back to itself with awkward values.
 */

export type MessageLocale = 'en-CA' | 'fr-CA';
export interface Entry {
  en: string;
  fr: string;
}
export type Values = Record<string, string | number>;

type Part = { literal: string } | { value: string };

interface Compiled {
  id: string;
  entry: Entry;
  parts: Part[];
  pattern: RegExp | null;
  names: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(id: string, entry: Entry): Compiled {
  const ast = new IntlMessageFormat(entry.en, 'en-CA').getAst();
  const parts: Part[] = ast.map((el) => (el.type === 0 ? { literal: el.value } : { value: (el as { value: string }).value }));
  const names = parts.flatMap((p) => ('value' in p ? [p.value] : []));
  const pattern = names.length ? new RegExp(`^${parts.map((p) => ('literal' in p ? escape(p.literal) : '([\\s\\S]+?)')).join('')}$`) : null;
  return { id, entry, parts, pattern, names };
}

export interface Catalogue<Id extends string> {
  /** The English text of an entry: what the services and the contract write. */
  say(id: Id, values?: Values): string;
  /** An entry said straight in a language: for the few answers that are words, not errors (the Today steps' details). */
  sayIn(locale: MessageLocale, id: Id, values?: Values): string;
  /** A message said in English (by `say`, or any other text) in the given language. */
  resay(text: string, locale: MessageLocale): string;
  entries: Record<Id, Entry>;
}

export function catalogue<Id extends string>(entries: Record<Id, Entry>): Catalogue<Id> {
  // Compiled when first needed, not at start-up: English needs only the entry said, and
  // every process (the crash test's children, the benchmark) imports this.
  const byId = new Map<string, Compiled>();
  const compiled = (id: string) => {
    let c = byId.get(id);
    if (!c) byId.set(id, (c = compile(id, entries[id as Id])));
    return c;
  };
  const formatters = new Map<string, IntlMessageFormat>();
  const format = (c: Compiled, locale: MessageLocale, values: Values) => {
    const key = `${c.id} ${locale}`;
    let f = formatters.get(key);
    if (!f) formatters.set(key, (f = new IntlMessageFormat(locale === 'fr-CA' ? c.entry.fr : c.entry.en, locale)));
    return String(f.format(values));
  };
  let reading: { byText: Map<string, Compiled>; withValues: Compiled[] } | null = null;
  const readBack = () => {
    if (reading) return reading;
    const all = Object.keys(entries).map(compiled);
    reading = {
      // Entries without values are found by their whole English text (as formatted: ICU quotes undone).
      byText: new Map(all.filter((c) => !c.pattern).map((c) => [format(c, 'en-CA', {}), c])),
      // Longest pattern first: a more specific sentence wins over a shorter one it contains.
      withValues: all.filter((c) => c.pattern).sort((a, b) => b.entry.en.length - a.entry.en.length),
    };
    return reading;
  };

  const resay = (text: string, locale: MessageLocale): string => {
    if (locale === 'en-CA') return text;
    const { byText, withValues } = readBack();
    const plain = byText.get(text);
    if (plain) return format(plain, locale, {});
    for (const c of withValues) {
      const m = c.pattern!.exec(text);
      if (!m) continue;
      // A value may itself be one of our messages (a reason inside a sentence): say it too.
      return format(c, locale, Object.fromEntries(c.names.map((n, i) => [n, resay(m[i + 1], locale)])));
    }
    return text;
  };

  // Values as text: a number is said as written ("4000"), not grouped by the locale.
  const sayIn = (locale: MessageLocale, id: Id, values: Values = {}) => {
    const text = locale === 'fr-CA' ? entries[id].fr : entries[id].en;
    // Most messages are plain text: nothing to parse (the contract says ~150 of them as it loads).
    if (!/[{}']/.test(text)) return text;
    return format(compiled(id), locale, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])));
  };
  return { entries, resay, sayIn, say: (id, values) => sayIn('en-CA', id, values) };
}
