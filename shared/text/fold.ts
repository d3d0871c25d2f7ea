/**
 * Folding for search: "Zoë" → "zoe", "Łukasz" → "lukasz", "Ærøskøbing" → "aeroskobing".
 *
 * SQLite's unicode61 tokenizer removes diacritics only from letters that decompose
 * in Unicode; Ł, Ø, Æ, Đ and ß do not, so a receptionist typing "lukasz" would never
 * find "Łukasz". We fold in one place, the same way for what we index and for what
 * is typed, and keep `remove_diacritics 2` in the tokenizer as a second net.
 */
const letters: Record<string, string> = {
  ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't', ŀ: 'l',
};
const special = new RegExp(`[${Object.keys(letters).join('')}]`, 'g');

export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(special, (c) => letters[c] ?? c);
}

/** Apostrophes and hyphens join a name ("O'Brien", "Smith-Jones"); other punctuation separates. */
const joiners = /['’ʼ`\u2010\u2011-]/g;

/** Words of a name or query, folded: "O'Brien-Müller" → ["o", "brien", "muller"]. */
export function words(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** A name typed as one word: "O'Brien-Müller" → "obrienmuller". */
export function joined(text: string): string {
  return fold(text).replace(joiners, '').replace(/[^\p{L}\p{N}]+/gu, '');
}

export function digitsOf(text: string): string {
  return text.replace(/\D+/g, '');
}
