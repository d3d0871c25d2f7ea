import { formatDateOfBirth, shortRecordId } from '../../pdf/format';
import { hasGlyph, type Fonts } from '../../pdf/fonts';
import type { ConsentPdfInput } from './types';

/**
 * Every text the PDF will print, checked against the face that prints it, before
 * anything is drawn. A character the font lacks does not fail in pdfkit: it prints as
 * an empty box (or nothing), and the PDF is stored and hashed as if the name were on it.
 * So a text the form cannot print is refused, naming the field and the characters.
 *
 * Right-to-left scripts are refused even though DejaVu has their letters: pdfkit has no
 * bidirectional layout, so Arabic or Hebrew would print in the wrong order, and Arabic
 * without its joined forms.
 */

type Face = keyof Fonts;

/** One text as printed: its field path in the input, what to call it, and its faces. */
interface Printed {
  field: string;
  /** "the patient’s name", for the message. */
  what: string;
  /** What the person at the desk can do about it. */
  fix: string;
  text: string;
  faces: readonly Face[];
}

const both = ['bold', 'regular'] as const;
const regular = ['regular'] as const;
const bold = ['bold'] as const;

const onRecord = 'enter it in Latin letters on the patient’s record';
const inLatin = 'enter it in Latin letters';
const inSettings = 'change it in Settings › Clinic';
const inForm = 'edit the form’s text';

/** The texts and faces layout.ts draws; keep the two in step. */
function printedTexts(input: ConsentPdfInput): Printed[] {
  const { clinic, patient, template, signature: sig } = input;
  const out: Printed[] = [
    // The letterhead in bold; the running header of later pages in regular.
    { field: 'clinic.name', what: 'the clinic name', fix: inSettings, text: clinic.name, faces: both },
    ...clinic.addressLines.map((line, i) => ({ field: `clinic.addressLines.${i}`, what: 'the clinic address', fix: inSettings, text: line, faces: regular })),
    { field: 'clinic.phone', what: 'the clinic phone', fix: inSettings, text: clinic.phone, faces: regular },
    { field: 'clinic.email', what: 'the clinic e-mail', fix: inSettings, text: clinic.email, faces: regular },
    // The identity box in bold; the running header in regular.
    { field: 'patient.fullName', what: 'the patient’s name', fix: onRecord, text: patient.fullName, faces: both },
    { field: 'patient.preferredName', what: 'the preferred name', fix: onRecord, text: patient.preferredName, faces: regular },
    { field: 'patient.dateOfBirth', what: 'the date of birth', fix: onRecord, text: formatDateOfBirth(patient.dateOfBirth, input.locale), faces: regular },
    { field: 'patient.phone', what: 'the patient’s phone', fix: onRecord, text: patient.phone, faces: regular },
    { field: 'patient.recordId', what: 'the record number', fix: onRecord, text: shortRecordId(patient.recordId), faces: regular },
    { field: 'template.name', what: 'the form name', fix: inForm, text: template.name, faces: regular },
    { field: 'template.title', what: 'the form title', fix: inForm, text: template.title, faces: bold },
    ...template.sections.flatMap((s, i) => [
      { field: `template.sections.${i}.heading`, what: `the heading of section ${i + 1}`, fix: inForm, text: s.heading, faces: bold },
      ...s.paragraphs.map((p, j) => ({ field: `template.sections.${i}.paragraphs.${j}`, what: `section ${i + 1}`, fix: inForm, text: p, faces: regular })),
    ]),
    ...input.choices.flatMap((c, i) => [
      { field: `choices.${i}.group`, what: 'a group of choices', fix: inForm, text: c.group, faces: bold },
      { field: `choices.${i}.label`, what: 'a choice', fix: inForm, text: c.label, faces: regular },
    ]),
    { field: 'explainedBy', what: 'who explained the form', fix: inLatin, text: input.explainedBy, faces: regular },
    { field: 'witnessedBy', what: 'the witness’s name', fix: inLatin, text: input.witnessedBy ?? '', faces: regular },
  ];
  if (sig.method === 'screen') out.push({ field: 'signature.signerName', what: 'the signer’s name', fix: inLatin, text: sig.signerName, faces: bold });
  if (sig.method === 'paper') out.push({ field: 'signature.seenBy', what: 'who saw the paper signature', fix: inLatin, text: sig.seenBy, faces: bold });
  if (sig.method === 'verbal') out.push({ field: 'signature.recordedBy', what: 'who recorded the verbal consent', fix: inLatin, text: sig.recordedBy, faces: bold });
  return out;
}

/**
 * Characters that never reach the font: pdfkit breaks lines at "\n", and fontkit lays
 * out default-ignorable characters (zero-width joiners, variation selectors, direction
 * marks) as nothing. The Hangul fillers are default-ignorable in Unicode but fontkit
 * draws them, so they are checked like any letter.
 */
const neverDrawn = (cp: number) => cp === 0x0a || (/\p{Default_Ignorable_Code_Point}/u.test(String.fromCodePoint(cp)) && ![0x115f, 0x1160, 0x3164, 0xffa0].includes(cp));

const rightToLeft = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u;
const rtlScripts = ['Arabic', 'Hebrew', 'Syriac', 'Thaana', 'Nko', 'Samaritan', 'Mandaic', 'Adlam', 'Hanifi_Rohingya'] as const;
const scriptName: Record<(typeof rtlScripts)[number], string> = {
  Arabic: 'Arabic',
  Hebrew: 'Hebrew',
  Syriac: 'Syriac',
  Thaana: 'Thaana',
  Nko: 'N’Ko',
  Samaritan: 'Samaritan',
  Mandaic: 'Mandaic',
  Adlam: 'Adlam',
  Hanifi_Rohingya: 'Hanifi Rohingya',
};
const scriptTests = rtlScripts.map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'u')] as const);
const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;
/** Shown by code point: a person cannot read a tab, a mark on its own or an odd space. */
const invisible = /^[\p{C}\p{Z}\p{M}]$/u;

const shown = (ch: string) => (invisible.test(ch) ? `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : ch);

function list(chars: string[]): string {
  const max = 8;
  const head = chars.slice(0, max).map(shown).join(', ');
  return chars.length > max ? `${head} and ${chars.length - max} more` : head;
}

function problem(p: Printed, fonts: Fonts): string | null {
  const missing: string[] = [];
  let rtl = false;
  for (const ch of p.text) {
    const cp = ch.codePointAt(0)!;
    // Printable ASCII is in every face of DejaVu: most text never leaves this line.
    if (cp >= 0x20 && cp < 0x7f) continue;
    if (neverDrawn(cp)) continue;
    if (rightToLeft.test(ch)) rtl = true;
    else if (!missing.includes(ch) && p.faces.some((face) => !hasGlyph(fonts[face], cp))) missing.push(ch);
  }
  if (rtl) {
    const scripts = scriptTests.filter(([, re]) => re.test(p.text)).map(([s]) => scriptName[s]);
    return `This form cannot print ${p.what} in ${scripts.join(' or ')} script: it has no right-to-left layout, so the letters would print in the wrong order. Please ${p.fix}.`;
  }
  if (missing.length === 0) return null;
  const why = missing.some((ch) => cjk.test(ch)) ? ' (it has no Chinese, Japanese or Korean characters)' : '';
  return `This form’s font cannot print ${list(missing)} in ${p.what}${why}. Please ${p.fix}.`;
}

/**
 * One message per field whose text the form cannot print, keyed like the other input
 * problems (`patient.fullName`, `clinic.name`, `signature.signerName`, `explainedBy`…).
 */
export function checkPrintable(input: ConsentPdfInput, fonts: Fonts): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const p of printedTexts(input)) {
    if (fields[p.field]) continue;
    const found = problem(p, fonts);
    if (found) fields[p.field] = found;
  }
  return fields;
}
