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

/**
 * Everything written for an apostrophe in a name: ' ’ ‘ ‛ ` ´ ′, and the modifier letters
 * ʹ ʺ ʻ ʼ ʽ ʾ ʿ (U+02B9–U+02BF: the ʻokina of "Kealiʻi", the ʼ of "Oʼbrien", the ʿayn of
 * "Saʿid") and ꞌ (saltillo). Unicode counts the modifier letters as letters, so unless
 * they are made apostrophes here "Kealiʻi" stays one word that "kealii" never finds.
 */
const apostrophes = /[\u0027\u0060\u00b4\u2018\u2019\u201b\u2032\u02b9-\u02bf\ua78b\ua78c]/g;

export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(special, (c) => letters[c] ?? c)
    .replace(apostrophes, "'");
}

/** Apostrophes (as fold() leaves them) and hyphens join a name ("O'Brien", "Smith-Jones"); other punctuation separates. */
const joiners = /['\u2010\u2011-]/g;

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

/**
 * A phone number's digits as stored and compared: a North American number written with
 * its country code ("+1 (604) 555-0142", "1-604-555-0142": 11 digits starting with 1)
 * loses the 1, so it is the same number as "(604) 555-0142".
 */
export function phoneDigits(text: string): string {
  const digits = digitsOf(text);
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}
