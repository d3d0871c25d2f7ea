import { describe, expect, it } from 'vitest';
import { rowidBlock, slotsPerBlock, sortBlock, sortKey } from '../../main/patients/search-index';

/**
 * The block code of the name-ordered search rowids (search-index.ts): it must never go
 * backwards in SQLite's order of sort keys (memcmp of UTF-8, which is code point
 * order), and it must tell apart names in any script, not only a–z.
 */

const utf8 = new TextEncoder();
const sqliteOrder = (a: string, b: string) => Buffer.compare(utf8.encode(a), utf8.encode(b));

/** A small seeded generator, so a failure repeats. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Code points from every kind of range the code treats apart, their edges included. */
const pool = [
  0x00, 0x01, 0x02, 0x1f, 0x20, 0x21, 0x30, 0x39, 0x41, 0x60, 0x61, 0x65, 0x6d, 0x7a, 0x7b, 0x7f, 0x80, 0xdf, 0xe9, 0x14b, 0x259,
  0x2af, 0x2b0, 0x2bb, 0x370, 0x3b1, 0x3c9, 0x3ca, 0x3ff, 0x400, 0x42f, 0x430, 0x438, 0x44f, 0x450, 0x45f, 0x460, 0x52f, 0x5d0,
  0x5ea, 0x620, 0x64a, 0x6cc, 0x905, 0xe01, 0x10d0, 0x1100, 0x1112, 0x1161, 0x1175, 0x11a8, 0x11c2, 0x11ff, 0x1200, 0x3041, 0x30ab,
  0x30ff, 0x3400, 0x4e00, 0x738b, 0x9fff, 0xa000, 0xac00, 0xd7a3, 0xe000, 0xfffd, 0xffff, 0x10000, 0x20000, 0x2a6d6, 0x3ffff,
  0x40000, 0x10ffff,
];

function randomKey(next: () => number): string {
  const length = Math.floor(next() * 14);
  let s = '';
  for (let i = 0; i < length; i++) {
    const x = next();
    // Mostly runs of one script, as names are; sometimes anything.
    const c = x < 0.7 ? pool[Math.floor(next() * pool.length)] + Math.floor(next() * 3) : Math.floor(next() * 0x110000);
    s += c >= 0xd800 && c <= 0xdfff ? '\ufffd' : String.fromCodePoint(Math.min(c, 0x10ffff));
  }
  return s;
}

describe('sortBlock', () => {
  it('never goes backwards in SQLite order, in any script', () => {
    const next = random(7);
    const keys = Array.from({ length: 20_000 }, () => randomKey(next));
    // Prefixes and near neighbours: where an order-preserving code usually slips.
    for (const k of keys.slice(0, 2000)) keys.push(k.slice(0, Math.floor(k.length / 2)), `${k}\u0000`, `${k}\u{10ffff}`);
    keys.sort(sqliteOrder);
    let previous = -1;
    const backwards: string[] = [];
    for (const k of keys) {
      const b = sortBlock(k);
      if (b < previous) backwards.push(JSON.stringify(k));
      previous = Math.max(previous, b);
    }
    expect(backwards.slice(0, 5)).toEqual([]);
  });

  it('reads a lone surrogate as SQLite stores it, U+FFFD', () => {
    expect(sortBlock('a\ud800b')).toBe(sortBlock('a\ufffdb'));
    const keys = ['a\ue000', 'a\ud800', 'a\uffff'];
    expect(keys.map(sortBlock)).toEqual([...keys].sort(sqliteOrder).map(sortBlock));
    expect(sortBlock('a\ue000')).toBeLessThanOrEqual(sortBlock('a\ud800'));
  });

  it('keeps every rowid a safe integer, below the search query\'s "no limit"', () => {
    const top = rowidBlock('\u{10ffff}'.repeat(20));
    expect(top.end).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
    expect(rowidBlock('').first).toBe(0);
    expect(top.first % slotsPerBlock).toBe(0);
  });

  it('gives different names different blocks in Chinese, Korean, Cyrillic, Greek, Arabic and Latin', () => {
    const names: Array<[string, string]> = [
      ['王', '伟'], ['王', '芳'], ['王', '秀英'], ['李', '伟'], ['张', '伟'], ['欧阳', '娜'],
      ['김', '민준'], ['김', '서연'], ['김', '지호'], ['이', '민준'], ['박', '민준'], ['최', '유나'],
      ['Иванов', 'Александр'], ['Иванов', 'Мария'], ['Иванова', 'Анна'], ['Петров', 'Иван'], ['Шевченко', 'Олена'],
      ['Παπαδόπουλος', 'Νίκος'], ['Παππάς', 'Ελένη'], ['حداد', 'محمد'], ['حداد', 'سارة'], ['כהן', 'דוד'],
      ['Smith', 'John'], ['Smith', 'Mary'], ['Tremblay', 'Luc'], ['Nguyễn', 'Minh'], ['佐藤', 'はると'], ['鈴木', 'ゆい'],
    ];
    // How far into a name the code reads depends on the script: about 8 letters of a–z
    // or Greek, 9 of Cyrillic, a Chinese surname and 2 given characters, a Korean
    // surname and the given name's first syllable.
    const blocks = names.map(([lastName, firstName]) => sortBlock(sortKey({ lastName, firstName })));
    expect(new Set(blocks).size).toBe(names.length);
    // Before: every key whose first letter is past "z" had one block.
    const firstLetters = ['王', '김', 'Иванов', 'Παπαδόπουλος', 'حداد', 'כהן', '佐藤', 'Ωmega'].map((lastName) => sortBlock(sortKey({ lastName, firstName: 'x' })));
    expect(new Set(firstLetters).size).toBe(firstLetters.length);
  });

  it('spreads a Korean register: a surname and the first given syllable share a block, or less', () => {
    const last = [...'김이박최정강조윤장임'];
    const syllables = [...'민서준지현우수영하은도윤예진성호유나연재'];
    const perBlock = new Map<number, number>();
    for (const l of last) for (const a of syllables) for (const b of syllables) {
      const block = sortBlock(sortKey({ lastName: l, firstName: a + b }));
      perBlock.set(block, (perBlock.get(block) ?? 0) + 1);
    }
    // 10 surnames × 20 × 20 given names: one block holds at most two first syllables
    // (those that differ only in the final consonant) of one surname.
    expect(Math.max(...perBlock.values())).toBeLessThanOrEqual(2 * syllables.length);
    expect(perBlock.size).toBeGreaterThan(last.length * syllables.length * 0.9);
  });
});
