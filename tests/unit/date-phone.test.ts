import { describe, expect, it } from 'vitest';
import { parseDate } from '../../shared/text/date';
import { formatPhone, phoneStyleFor } from '../../shared/text/phone';
import { seedFromSearch } from '../../renderer/patients/format';

describe('birth dates as typed at the desk', () => {
  it.each([
    ['1988-05-04', '1988-05-04'],
    ['1988/5/4', '1988-05-04'],
    ['19880504', '1988-05-04'],
    ['14/03/1985', '1985-03-14'],
    ['03/14/1985', '1985-03-14'],
    ['14.3.1985', '1985-03-14'],
    ['4 May 1988', '1988-05-04'],
    ['4 mai 1988', '1988-05-04'],
    ['1er mai 1988', '1988-05-01'],
    ['May 4, 1988', '1988-05-04'],
    ['4 févr. 1990', '1990-02-04'],
    ['12 décembre 2001', '2001-12-12'],
    ['29 Feb 2000', '2000-02-29'],
    ['07/07/1977', '1977-07-07'],
  ])('%s is %s', (typed, iso) => {
    expect(parseDate(typed)).toEqual({ kind: 'date', iso });
  });

  it('a date that reads two ways says so, day first, and gives both', () => {
    expect(parseDate('04/05/1988')).toEqual({ kind: 'ambiguous', readings: ['1988-05-04', '1988-04-05'] });
    expect(parseDate(' 4-5-1988 ')).toEqual({ kind: 'ambiguous', readings: ['1988-05-04', '1988-04-05'] });
  });

  it.each(['1990-02-31', '31/02/1990', '29 Feb 2001', '13/13/1990', '4 Mayo 1988', 'yesterday', '1988', '4 May 88', '123 May 1988'])('%s is not a date', (typed) => {
    expect(parseDate(typed)).toEqual({ kind: 'invalid' });
  });

  it('nothing typed is empty, not an error', () => {
    expect(parseDate('   ')).toEqual({ kind: 'empty' });
  });
});

describe('phone numbers shown in one form', () => {
  it('knows North American clinics by their time zone', () => {
    expect(phoneStyleFor({ timeZone: 'America/Vancouver' })).toBe('nanp');
    expect(phoneStyleFor({ timeZone: 'America/Montreal' })).toBe('nanp');
    expect(phoneStyleFor({ timeZone: 'America/Indiana/Indianapolis' })).toBe('nanp');
    expect(phoneStyleFor({ timeZone: 'America/Mexico_City' })).toBe('as-typed');
    expect(phoneStyleFor({ timeZone: 'Europe/Paris' })).toBe('as-typed');
  });

  it.each([
    ['604 555 0142', '(604) 555-0142'],
    ['604.555.0142', '(604) 555-0142'],
    ['(604)555-0142', '(604) 555-0142'],
    ['+1 604 555 0142', '(604) 555-0142'],
    ['1-604-555-0142', '(604) 555-0142'],
    ['6045550142 x12', '(604) 555-0142 ext. 12'],
    ['604-555-0142 ext. 7', '(604) 555-0142 ext. 7'],
    ['555 0142', '555-0142'],
  ])('North American %s shows as %s', (typed, shown) => {
    expect(formatPhone(typed, 'nanp')).toBe(shown);
  });

  it('keeps numbers from abroad, and numbers of unusual length, readable as typed', () => {
    expect(formatPhone('+44 20  7946 0958', 'nanp')).toBe('+44 20 7946 0958');
    expect(formatPhone('011 33 1 42 68 53 00', 'nanp')).toBe('011 33 1 42 68 53 00');
    expect(formatPhone('12345678', 'nanp')).toBe('12345678');
    expect(formatPhone(' 01 42 68 53 00 ', 'as-typed')).toBe('01 42 68 53 00');
  });
});

describe('a new patient from what was typed in the search', () => {
  it.each([
    ['Zoë O’Brien', { firstName: 'Zoë', lastName: 'O’Brien' }],
    ['Wójcik, Łukasz', { lastName: 'Wójcik', firstName: 'Łukasz' }],
    ['Thị Minh  Nguyễn', { firstName: 'Thị', lastName: 'Minh Nguyễn' }],
    ['Amara', { firstName: 'Amara', lastName: '' }],
    ['4 mai 1988', { dateOfBirth: '1988-05-04' }],
    ['604 555 0142', { phone: '604 555 0142' }],
    ['  ', {}],
  ])('%s', (typed, seed) => {
    expect(seedFromSearch(typed)).toEqual(seed);
  });
});
