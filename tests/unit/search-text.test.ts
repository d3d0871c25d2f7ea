import { describe, expect, it } from 'vitest';
import { parseQuery, searchDocument, sortKey } from '../../main/patients/search-index';
import { joined, phoneDigits, words } from '../../shared/text/fold';

describe('apostrophes in names', () => {
  // ' ’ ‘ ` ´ and the modifier letters ʹ (U+02B9) ʻ (U+02BB, ʻokina) ʼ (U+02BC)
  const written = ["O'Brien", 'O’Brien', 'O‘Brien', 'O`Brien', 'O´Brien', 'OʹBrien', 'OʻBrien', 'OʼBrien'];

  it.each(written)('%s is "o brien" as words and "obrien" typed as one word', (name) => {
    expect(words(name)).toEqual(['o', 'brien']);
    expect(joined(name)).toBe('obrien');
    expect(sortKey({ lastName: name, firstName: 'Zoë' })).toBe('o brien\u0001zoe');
  });

  it('indexes "Kealiʻi" so that "kealii", "keali" and "Kealiʻi" find it', () => {
    const doc = searchDocument({ firstName: 'Kealiʻi', lastName: 'Kahananui', preferredName: '', dateOfBirth: '1990-01-01', phones: [], archived: false });
    expect(doc.given.split(' ')).toEqual(expect.arrayContaining(['keali', 'kealii']));
    for (const typed of ['kealii', 'Kealiʻi', "keali'i", 'keali’i']) expect(parseQuery(typed).lead).toBe('kealii');
  });

  it('keeps the letters that only look like punctuation out of words: "Saʿid", "Qurʾan"', () => {
    expect(joined('Saʿid')).toBe('said');
    expect(joined('Qurʾan')).toBe('quran');
  });
});

describe('phoneDigits', () => {
  it('drops the North American country code, and only that', () => {
    expect(phoneDigits('+1 (604) 555-0142')).toBe('6045550142');
    expect(phoneDigits('1-604-555-0142')).toBe('6045550142');
    expect(phoneDigits('(604) 555-0142')).toBe('6045550142');
    expect(phoneDigits('604.555.0142')).toBe('6045550142');
    expect(phoneDigits('+44 20 7946 0958')).toBe('442079460958'); // not North American: as written
    expect(phoneDigits('+1 250-555-0123 ext 4')).toBe('125055501234'); // an extension: 12 digits, kept
    expect(phoneDigits('555-0142')).toBe('5550142');
  });

  it('is what the search does with a typed number', () => {
    expect(parseQuery('+1(604)555-0142')).toEqual(parseQuery('6045550142'));
    expect(parseQuery('1-604-555-0142').clauses).toEqual([{ terms: [{ columns: ['phone'], term: '6045550142', prefix: true }] }]);
  });
});

describe('parseQuery ranking', () => {
  it('ranks by the first name word in the last name, then by a number ending with the first digits', () => {
    expect(parseQuery('de la 0421 77').rank).toEqual([
      { columns: ['last'], term: 'de', prefix: true },
      { columns: ['phone'], term: '0421', prefix: false },
    ]);
    expect(parseQuery('1985-03-14').rank).toEqual([]);
    expect(parseQuery('  ').clauses).toEqual([]);
  });

  it('indexes a name with particles joined from each word on', () => {
    const doc = searchDocument({ firstName: 'Pieter', lastName: 'van der Berg', preferredName: '', dateOfBirth: '1990-01-01', phones: [], archived: false });
    expect(doc.last).toBe('van der berg vanderberg derberg');
  });
});
