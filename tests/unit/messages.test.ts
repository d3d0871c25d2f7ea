import { describe, expect, it } from 'vitest';
import IntlMessageFormat from 'intl-messageformat';
import { messages, resay, say, type MessageId } from '../../shared/messages';

/**
 * Main's catalogue (shared/messages): every entry in English and French with the same
 * placeholders, and every answer main says in English is read back to its entry and
 * said in French with the values it held.
 */

const ids = Object.keys(messages) as MessageId[];

/** The placeholders of an ICU message, and whether it uses anything but plain `{name}` values. */
function placeholders(text: string): { names: string[]; onlySimple: boolean } {
  const ast = new IntlMessageFormat(text, 'en-CA').getAst();
  return { names: ast.flatMap((el) => (el.type === 1 ? [el.value] : [])).sort(), onlySimple: ast.every((el) => el.type === 0 || el.type === 1) };
}

/**
 * Values that would trip a careless reading back: accents, parentheses, an apostrophe, a
 * hyphen. (A value holding the very words that follow it in the sentence could be split
 * elsewhere; the values main puts in are names, days, times and numbers, and a value
 * that may hold anything, a reason, comes last.)
 */
const awkward = (names: string[]) => Object.fromEntries(names.map((n, i) => [n, `Zoë (${i}) O’Brien-${n}`]));

describe('main’s message catalogue', () => {
  it('has English and French for every entry, with the same placeholders, and only plain ones', () => {
    expect(ids.length).toBeGreaterThan(250);
    for (const id of ids) {
      const { en, fr } = messages[id];
      expect(en.trim(), id).not.toBe('');
      expect(fr.trim(), id).not.toBe('');
      expect(fr, `${id} is not translated`).not.toBe(en);
      const [e, f] = [placeholders(en), placeholders(fr)];
      expect(f.names, id).toEqual(e.names);
      // A plural or select could not be read back from the English text (say.ts).
      expect(e.onlySimple && f.onlySimple, id).toBe(true);
    }
  });

  it('writes French with the typographic apostrophe', () => {
    for (const id of ids) expect(messages[id].fr.replace(/'\{\{[^}]*\}\}'/g, ''), id).not.toMatch(/'/);
  });

  it('reads every English answer back to its entry, and says it in French with the same values', () => {
    for (const id of ids) {
      const values = awkward(placeholders(messages[id].en).names);
      const english = say(id, values);
      expect(resay(english, 'en-CA'), id).toBe(english);
      expect(resay(english, 'fr-CA'), id).toBe(new IntlMessageFormat(messages[id].fr, 'fr-CA').format(values));
    }
  });

  it('says a message held inside another in French too, and leaves text it does not know as it is', () => {
    const inner = say('image.pngShort');
    expect(resay(say('settings.logoUnusable', { reason: inner }), 'fr-CA')).toBe(
      'Cette image ne peut pas servir de logo : le PNG est tronqué. Choisissez un autre fichier, ou enregistrez celui-ci de nouveau avec un logiciel d’images.',
    );
    expect(resay(say('appointments.onlyCancel', { state: say('appointments.state.checkedIn') }), 'fr-CA')).toBe(
      'Cette visite est arrivée : seule une visite réservée peut être annulée.',
    );
    expect(resay('lpr: The printer or class does not exist.', 'fr-CA')).toBe('lpr: The printer or class does not exist.');
  });

  it('keeps a number as written in English (no grouping) and the booking conflict with its commas whole', () => {
    expect(say('field.maxLength', { max: 4000 })).toBe('Keep this under 4000 characters');
    const booked = say('appointments.therapistBooked', { therapist: 'Amélie Tremblay, RMT', patient: 'Zoë Martin', start: '10:00', end: '11:00', day: '2026-07-14', room: 'Room 1, upstairs' });
    expect(booked).toBe('Amélie Tremblay, RMT is already booked then (Zoë Martin, 10:00–11:00 on 2026-07-14, Room 1, upstairs).');
    expect(resay(booked, 'fr-CA')).toBe('Amélie Tremblay, RMT est déjà pris à ce moment-là (Zoë Martin, 10:00–11:00 le 2026-07-14, Room 1, upstairs).');
  });
});
