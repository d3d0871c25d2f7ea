import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { french } from '../../renderer/i18n/catalogue';

/**
 * The desk's words, read from the code the way the build sees them (formatjs's own
 * extractor), against the French catalogue: every message has its French, with the
 * same placeholders and tags, and no French is left over from a message that is gone.
 */
const cli = path.resolve('node_modules/.bin/formatjs');
const english: Record<string, { defaultMessage: string }> = JSON.parse(
  execFileSync(cli, ['extract', 'renderer/**/*.{ts,tsx}', '--throws'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }),
);

/** Argument names and tag names a message uses, plural branches included. */
function slots(message: string): string[] {
  const out = new Set<string>();
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) out.add(`{${el.value}}`);
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        out.add(`{${el.value}}`);
        for (const option of Object.values(el.options)) walk(option.value);
      }
      if (el.type === TYPE.tag) {
        out.add(`<${el.value}>`);
        walk(el.children);
      }
    }
  };
  walk(parse(message));
  return [...out].sort();
}

describe('the desk speaks French', () => {
  const ids = Object.keys(english);

  test('the extractor finds the desk’s messages', () => {
    expect(ids.length).toBeGreaterThan(10);
  });

  test('every message has a readable id of its own, not one made from its text', () => {
    const unnamed = ids.filter((id) => !/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/.test(id));
    expect(unnamed, 'give these messages an id such as "feature.screen.what"').toEqual([]);
  });

  test('every message has its French', () => {
    expect(ids.filter((id) => !(id in french))).toEqual([]);
  });

  test('no French is left without its message', () => {
    expect(Object.keys(french).filter((id) => !(id in english))).toEqual([]);
  });

  test('the French says the same things: the same placeholders and tags, and it parses', () => {
    const differing = ids
      .filter((id) => id in french)
      .filter((id) => slots(english[id]!.defaultMessage).join() !== slots(french[id]!).join())
      .map((id) => `${id}: ${slots(english[id]!.defaultMessage).join(' ')} ≠ ${slots(french[id]!).join(' ')}`);
    expect(differing).toEqual([]);
  });
});
