import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { crc32, deflateSync } from 'node:zlib';
import { checkConsentPdf, renderConsentPdf, type ConsentPdfInput } from '../../main/consent/pdf/render';
import { forgetParsedFonts } from '../../main/pdf/fonts';
import { sha256 } from '../../main/pdf/hash';
import { checkSignaturePng } from '../../main/consent/signature';
import { labelsFor } from '../../main/consent/pdf/labels';
import { decodePng, encodePng, pngChunk } from '../../main/images/png';
import { sampleConsent, sampleLogoPng, sampleSignature, sampleSignaturePng } from '../support/consent-sample';
import { tempApp } from '../support/app';
import { solidPng } from '../support/png';
import { clinicProfile, patientInput } from '../support/fixtures';

/**
 * Every PDF is read back the way a person's tools read it: poppler's pdftotext for the
 * words, qpdf for the structure. Names are the ones pdfkit's built-in fonts cannot print.
 */

const run = promisify(execFile);
const fontsDir = path.resolve('resources/fonts');
const deps = { fontsDir };
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rapport-consent-pdf-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function render(input: ConsentPdfInput): Promise<Buffer> {
  const r = await renderConsentPdf(input, deps);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
  return r.value;
}

let fileCount = 0;
async function toFile(bytes: Buffer): Promise<string> {
  const file = path.join(dir, `doc-${++fileCount}.pdf`);
  await writeFile(file, bytes);
  return file;
}

/** Pages of text, as pdftotext -layout lays them out. */
async function pages(file: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 16 * 1024 * 1024 });
  return stdout.split('\f').filter((p) => p.trim() !== '');
}
const flat = (s: string) => s.replace(/\s+/g, ' ');

/** The text in reading order, a column at a time (the signature block has two), on one line. */
async function readingOrder(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
  return flat(stdout);
}

async function qpdfCheck(file: string) {
  const { stdout } = await run('qpdf', ['--check', file]);
  expect(stdout).toContain('No syntax or stream encoding errors found');
}

const names = ["Zoë O'Brien-Müller", 'Łukasz Wójcik', 'Nguyễn Thị Minh', 'Søren Ærøskøbing'];
const expected = {
  'en-CA': {
    signedOn: 'Signed on screen on March 14, 2025 at 2:31 p.m. Pacific Daylight Time',
    page: (n: number) => `Page ${n} of 2`,
    yes: 'Yes',
    no: 'No',
    checked: ['Back and shoulders', 'Gluteal region', 'The clinic may phone me about this treatment'],
    unchecked: ['Upper inner thigh', 'Chest wall', 'The clinic may e-mail me'],
  },
  'fr-CA': {
    signedOn: 'Signé à l’écran le 14 mars 2025 à 14 h 31 heure avancée du Pacifique',
    page: (n: number) => `Page ${n} de 2`,
    yes: 'Oui',
    no: 'Non',
    checked: ['Dos et épaules', 'Région fessière', 'La clinique peut me téléphoner au sujet de ce traitement'],
    unchecked: ['Haut de l’intérieur de la cuisse', 'Paroi thoracique', 'La clinique peut m’écrire par courriel'],
  },
} as const;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.each(['en-CA', 'fr-CA'] as const)('a signed consent in %s', (locale) => {
  it.each(names)('prints %s exactly as typed, with the version, choices, signature and page numbers', async (name) => {
    const input = sampleConsent(locale, {
      patient: { ...sampleConsent(locale).patient, fullName: name, preferredName: name.split(' ')[0] },
      signature: { method: 'screen', image: sampleSignature(), signerName: name, signedAt: '2025-03-14T21:31:40.000Z' },
    });
    const file = await toFile(await render(input));
    await qpdfCheck(file);
    const text = await pages(file);
    const all = text.join('\n');
    const want = expected[locale];

    expect(text).toHaveLength(2);
    expect(all).toContain(name);
    expect(text[0]).toContain(name); // the identity box on page 1
    expect(text[1]).toContain(name); // the running header on page 2 (and the signer)
    expect(flat(all)).toContain(want.signedOn);
    // The local time as people read it, never the zone's technical name.
    expect(all).not.toContain('America/');
    // Every page: template name and version, document id, page x of y.
    text.forEach((page, i) => {
      expect(flat(page)).toContain(`${input.template.name} · Version 3`);
      expect(page).toContain(`Document ${input.documentId}`);
      expect(page).toContain(want.page(i + 1));
    });
    // Each choice on its own line with its state in words beside the drawn box.
    for (const label of want.checked) expect(all).toMatch(new RegExp(`${escape(label)}\\s+${want.yes}\\s*$`, 'm'));
    for (const label of want.unchecked) expect(all).toMatch(new RegExp(`${escape(label)}\\s+${want.no}\\s*$`, 'm'));
    expect(all).toContain('Amélie Tremblay, RMT'); // explained by
    // Nobody witnessed: no witness line, empty or not.
    expect(all).not.toContain(labelsFor(locale).witnessedBy);
  });
});

describe('signature block', () => {
  const short = (locale: 'en-CA' | 'fr-CA' = 'en-CA') => ({ ...sampleConsent(locale).template, sections: sampleConsent(locale).template.sections.slice(0, 1) });

  it('prints blank lines to sign on paper, with lines for who explained it and a witness', async () => {
    const file = await toFile(await render(sampleConsent('en-CA', { signature: { method: 'paper-blank' }, explainedBy: '', template: short(), choices: [] })));
    await qpdfCheck(file);
    const text = await pages(file);
    expect(text).toHaveLength(1);
    const all = text.join('\n');
    for (const caption of ['Signature of the patient or substitute decision-maker', 'Name (please print)', 'Date', 'Explained by', 'Witnessed by', 'Page 1 of 1']) {
      expect(all).toContain(caption);
    }
    expect(all).not.toContain('Signed on');
  });

  it('states who saw a paper signature, on the date of the form only, and who witnessed it', async () => {
    const input = sampleConsent('fr-CA', {
      signature: { method: 'paper', signedAt: '2025-01-02T16:05:00.000Z', seenBy: 'Łukasz Wójcik' },
      witnessedBy: 'Nguyễn Thị Minh',
      template: short('fr-CA'),
    });
    const all = await readingOrder(await toFile(await render(input)));
    expect(all).toContain('Signé sur papier, vu par Łukasz Wójcik');
    expect(all).toContain('Signé le 2 janvier 2025 ');
    // Nobody wrote a time of day on the paper form: none is printed.
    expect(all).not.toMatch(/\d h \d|08 h 05|heure/);
    expect(all).toContain('Expliqué par : Amélie Tremblay, RMT');
    expect(all).toContain('Témoin : Nguyễn Thị Minh');
  });

  it('records a verbal consent with who recorded it and when, in the clinic time zone', async () => {
    const input = sampleConsent('en-CA', {
      timeZone: 'America/Toronto',
      signature: { method: 'verbal', signedAt: '2025-07-01T03:30:00.000Z', recordedBy: 'Søren Ærøskøbing' },
      template: short(),
    });
    const all = await readingOrder(await toFile(await render(input)));
    expect(all).toContain('Verbal consent recorded by Søren Ærøskøbing');
    // 03:30 UTC on 1 July is still 30 June in Toronto.
    expect(all).toContain('Given on June 30, 2025 at 11:30 p.m. Eastern Daylight Time');
    expect(all).not.toContain('America/');
  });

  it('keeps the signature on page 1 with the statement it signs when it fits', async () => {
    const base = sampleConsent('en-CA');
    const statement = base.template.sections.at(-1)!.paragraphs.at(-1)!;
    const template = { ...base.template, sections: [base.template.sections[0], base.template.sections.at(-1)!] };
    const text = await pages(await toFile(await render({ ...base, template, choices: [] })));
    expect(text).toHaveLength(1);
    expect(flat(text[0])).toContain(statement);
    expect(text[0]).toMatch(/^Signature\s*$/m);
  });

  it('takes the statement, or the last choice, to the next page with the signature when the signature does not fit', async () => {
    const base = sampleConsent('en-CA');
    const statement = base.template.sections.at(-1)!.paragraphs.at(-1)!;
    for (const choices of [[], base.choices]) {
      // One more paragraph each time, until the signature block no longer fits on page 1.
      for (let extra = 0; extra < 12; extra++) {
        const intro = { heading: 'About', paragraphs: Array.from({ length: extra }, (_, i) => `Paragraph ${i + 1}. ` + 'The clinic explains what the treatment involves and what to do if anything feels wrong. '.repeat(3)) };
        const template = { ...base.template, sections: [intro, ...base.template.sections.slice(-1)] };
        const text = await pages(await toFile(await render({ ...base, template, choices })));
        const signaturePage = text.findIndex((p) => /^Signature\s*$/m.test(p));
        const signed = flat(text[signaturePage]);
        const last = choices.at(-1);
        if (last) expect(signed, `${extra} paragraphs`).toContain(last.label);
        else expect(signed, `${extra} paragraphs`).toContain(statement);
      }
    }
  });

  it('never leaves a heading at the foot of a page nor splits the signature block, however long the text', async () => {
    const base = sampleConsent('en-CA');
    const paragraph = (n: number) => `Paragraph ${n}. ` + 'The clinic explains what the treatment involves, what it may feel like and what to do if anything feels wrong. '.repeat(1 + (n % 4));
    for (let sections = 3; sections <= 12; sections++) {
      const template = {
        ...base.template,
        sections: Array.from({ length: sections }, (_, s) => ({ heading: `Heading ${s + 1}`, paragraphs: Array.from({ length: 1 + (s % 3) }, (_, p) => paragraph(s + p)) })),
      };
      const text = await pages(await toFile(await render({ ...base, template })));
      text.forEach((page, i) => {
        const body = page.split('\n').filter((l) => l.trim() !== '' && !/Version 3|^Document |Cedar Grove Massage & Physiotherapy {2}/.test(l.trim()));
        expect(body.at(-1), `page ${i + 1} of ${text.length} with ${sections} sections ends on a heading`).not.toMatch(/^\s*Heading \d+\s*$/);
        expect(page).toContain(`Page ${i + 1} of ${text.length}`);
      });
      const signaturePage = text.findIndex((p) => /^Signature\s*$/m.test(p));
      expect(signaturePage, `${sections} sections`).toBeGreaterThanOrEqual(0);
      expect(text[signaturePage]).toContain('Signed on screen on');
      expect(text[signaturePage]).toContain('Explained by');
    }
  });
});

/** Each word pdftotext finds, with its box (points, from the top of the page). */
async function words(file: string, page: number) {
  const { stdout } = await run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-']);
  return [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5].replace(/&amp;/g, '&'),
  }));
}

describe('who explained and who witnessed', () => {
  const explainedBy = 'Priya Natarajan, Registered Massage Therapist (RMT)';
  const witnessedBy = 'Marie-Ève Lachance-Bouchard, Clinic Manager and Front Desk Lead, Cedar Grove Massage';

  it.each(['en-CA', 'fr-CA'] as const)('long names (%s) print whole, below the signature, each after its label', async (locale) => {
    const base = sampleConsent(locale);
    const input = sampleConsent(locale, { template: { ...base.template, sections: base.template.sections.slice(0, 1) }, explainedBy, witnessedBy });
    const file = await toFile(await render(input));
    await qpdfCheck(file);
    const labels = labelsFor(locale);
    const all = flat((await pages(file)).join('\n'));
    expect(all).toContain(labels.labelled(labels.explainedBy, explainedBy));
    expect(all).toContain(labels.labelled(labels.witnessedBy, witnessedBy));
    // Every word within the page, none run into the footer.
    const last = await words(file, (await pages(file)).length);
    const footer = last.find((w) => w.text === 'Document')!;
    for (const w of last.filter((w) => witnessedBy.split(' ').includes(w.text))) expect(w.yMax).toBeLessThan(footer.yMin - 10);
  });

  it('the body is printed larger than before for older readers (11 pt)', async () => {
    const file = await toFile(await render(sampleConsent('en-CA')));
    const page = await words(file, 1);
    const height = (text: string) => page.filter((w) => w.text === text && w.yMin < 700).map((w) => w.yMax - w.yMin);
    // Against the footer's 8 pt: pdftotext boxes words in proportion to their size.
    const footer = page.find((w) => w.text === 'Document')!;
    expect(height('outbreak').length).toBeGreaterThan(0);
    for (const h of height('outbreak')) expect(h / (footer.yMax - footer.yMin)).toBeCloseTo(11 / 8, 2);
  });
});

describe('the forms as shipped, through the app', () => {
  it('a signed treatment consent is one sheet in English, its signature under its statement', async () => {
    const app = await tempApp({ now: () => new Date('2026-11-25T15:30:00.000Z') });
    try {
      const must = async (channel: string, input: unknown) => {
        const r = await app.dispatch(channel, input);
        if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
        return r.value as Record<string, never>;
      };
      await must('settings.update', clinicProfile());
      await must('settings.setLogo', { mimeType: 'image/png', dataBase64: sampleLogoPng().toString('base64') });
      const patient = await must('patients.create', { patient: patientInput() });
      const signed = await must('consent.sign', {
        patientId: patient.id, kind: 'treatment', locale: 'en-CA', choices: [], templateVersion: 1,
        signature: { method: 'screen', imageBase64: sampleSignaturePng().toString('base64'), signerName: 'Zoë O’Brien-Müller' },
        explainedBy: 'Priya Natarajan, RMT', witnessedBy: '',
      });
      const doc = await must('consent.document', { consentId: signed.id });
      const text = await pages(await toFile(Buffer.from(doc.pdfBase64, 'base64')));
      expect(text).toHaveLength(1);
      expect(flat(text[0])).toMatch(/I understand that I may withdraw this consent at any time\. Signature Signed by Zoë O’Brien-Müller Signed on screen on November 25, 2026 at 7:30 a\.m\. Pacific Standard Time/);
      expect(text[0]).not.toContain('Witnessed by');
    } finally {
      await app.cleanup();
    }
  });
});

describe('the same record gives the same bytes', () => {
  it('renders identically twice, from freshly read fonts and from remembered ones', async () => {
    forgetParsedFonts();
    const first = await render(sampleConsent('en-CA'));
    const second = await render(sampleConsent('en-CA'));
    const third = await render(sampleConsent('en-CA'));
    expect(first.equals(second)).toBe(true);
    expect(second.equals(third)).toBe(true);
    expect(sha256(first)).toBe(sha256(third));
  });

  it('draws a new logo from the first render after it is chosen, and the old one again after that', async () => {
    // The prepared logo is kept between renders (validate.ts); it must follow the bytes given.
    const clinic = sampleConsent().clinic;
    const images = async (pdf: Buffer) => (await run('pdfimages', ['-list', await toFile(pdf)])).stdout.split('\n').slice(2).filter(Boolean).map((l) => l.trim().split(/\s+/).slice(3, 5).join('x'));
    const before = await render(sampleConsent('en-CA'));
    const other = await render(sampleConsent('en-CA', { clinic: { ...clinic, logo: { bytes: solidPng(90, 30, [200, 40, 40]), type: 'png' } } }));
    const again = await render(sampleConsent('en-CA'));
    expect(await images(before)).toContain('160x160');
    expect(await images(other)).toContain('90x30');
    expect(await images(other)).not.toContain('160x160');
    expect(again.equals(before)).toBe(true);
  });

  it('takes its dates and /ID from the record, not from the clock', async () => {
    const pdf = await render(sampleConsent('en-CA'));
    const { stdout } = await run('pdfinfo', ['-isodates', await toFile(pdf)]);
    expect(stdout).toMatch(/^CreationDate:\s+2025-03-14T21:32:05Z$/m);
    expect(stdout).toMatch(/^ModDate:\s+2025-03-14T21:32:05Z$/m);
    const bytes = pdf.toString('latin1');
    expect(bytes).toMatch(/\/ID \[<3f2a91c07b4e4d1a9c552e8f0a6b1d37> <3f2a91c07b4e4d1a9c552e8f0a6b1d37>\]/);
  });

  it('gives another document its own /ID and font subset names', async () => {
    const a = (await render(sampleConsent('en-CA'))).toString('latin1');
    const b = (await render(sampleConsent('en-CA', { documentId: '0b6f7c52-93a1-4f0e-8d2c-6a1e5b4c3d2f' }))).toString('latin1');
    const tags = (s: string) => [...new Set([...s.matchAll(/\/BaseFont \/([A-Z]{6})\+DejaVuSans/g)].map((m) => m[1]))].sort();
    expect(tags(a)).toHaveLength(2);
    expect(tags(b)).toHaveLength(2);
    expect(tags(a)).not.toEqual(tags(b));
    expect(b).toContain('<0b6f7c5293a14f0e8d2c6a1e5b4c3d2f>');
  });
});

describe('golden bytes: a fixed record renders to the bytes stored in tests/golden', () => {
  // pdfkit is pinned, and the renderer sets pdfkit's private fields to make the same
  // record give the same bytes; an update of pdfkit, fontkit or Node's ICU may change
  // them. The README says what to do when this fails (PDFs and their hashes).
  it.each(['en-CA', 'fr-CA'] as const)('%s', async (locale) => {
    const golden = path.resolve(`tests/golden/consent-${locale}.pdf`);
    const bytes = await render(sampleConsent(locale));
    if (process.env.RAPPORT_WRITE_GOLDEN === '1') await writeFile(golden, bytes);
    const expected = await readFile(golden);
    if (bytes.equals(expected)) return;
    const [now, before] = await Promise.all([readingOrder(await toFile(bytes)), readingOrder(golden)]);
    expect.fail(
      now === before
        ? `The PDF of a fixed record changed bytes (${sha256(expected)} to ${sha256(bytes)}) but not its text: a dependency update (or a change to the renderer) writes the same page differently. See "When the golden PDF test fails" in the README.`
        : `The text of the PDF of a fixed record changed. Before: ${before}\nNow: ${now}`,
    );
  });
});

describe('bad input is a clear error, never a half-made PDF', () => {
  const jpeg = Buffer.from('/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAA//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AN//Z', 'base64');

  async function fields(input: ConsentPdfInput) {
    const r = await renderConsentPdf(input, deps);
    expect(r.ok).toBe(false);
    if (r.ok) return {};
    expect(r.error.code).toBe('invalid_input');
    expect(r.error.message).toMatch(/^The consent PDF cannot be made: /);
    return r.error.fields ?? {};
  }

  it('a logo that is not a PNG or JPEG, or not what its type says', async () => {
    const clinic = sampleConsent().clinic;
    const notImage = await fields(sampleConsent('en-CA', { clinic: { ...clinic, logo: { bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), type: 'png' } } }));
    expect(notImage['clinic.logo']).toMatch(/not a PNG or JPEG/);
    const mislabelled = await fields(sampleConsent('en-CA', { clinic: { ...clinic, logo: { bytes: jpeg, type: 'png' } } }));
    expect(mislabelled['clinic.logo']).toMatch(/labelled PNG/);
    const cut = await fields(sampleConsent('en-CA', { clinic: { ...clinic, logo: { bytes: sampleLogoPng().subarray(0, 200), type: 'png' } } }));
    expect(cut['clinic.logo']).toMatch(/cut short/);
  });

  it('a JPEG logo is embedded as it is', async () => {
    const clinic = sampleConsent().clinic;
    const file = await toFile(await render(sampleConsent('en-CA', { clinic: { ...clinic, logo: { bytes: jpeg, type: 'jpeg' } } })));
    await qpdfCheck(file);
    expect((await readFile(file)).toString('latin1')).toContain('/DCTDecode');
  });

  it('every problem at once, each under its field', async () => {
    const screen = { method: 'screen' as const, image: sampleSignature(), signerName: ' ', signedAt: 'yesterday' };
    const f = await fields(sampleConsent('en-CA', { documentId: 'not-a-uuid', timeZone: 'Mars/Olympus', explainedBy: ' ', signature: screen }));
    expect(Object.keys(f).sort()).toEqual(['documentId', 'explainedBy', 'signature.signedAt', 'signature.signerName', 'timeZone']);
  });

  it.each([
    ['王 小明', '王, 小, 明'],
    ['김 민준', '김, 민, 준'],
    ['山田 はなこ', '山, 田, は, な, こ'],
  ])('a name the font cannot print (%s) is refused, naming the field and the characters, not printed as boxes', async (name, chars) => {
    const r = await renderConsentPdf(sampleConsent('en-CA', { patient: { ...sampleConsent().patient, fullName: name } }), deps);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_input');
    expect(Object.keys(r.error.fields ?? {})).toEqual(['patient.fullName']);
    expect(r.error.fields?.['patient.fullName']).toBe(
      `This form’s font cannot print ${chars} in the patient’s name (it has no Chinese, Japanese or Korean characters). Please enter it in Latin letters on the patient’s record.`,
    );
    expect(r.error.message).toContain(chars);
  });

  it('checks every printed text, each under its own field', async () => {
    const base = sampleConsent('en-CA');
    const f = await fields(
      sampleConsent('en-CA', {
        clinic: { ...base.clinic, name: '東京 Massage', addressLines: ['1250 Commercial Drive', '밴쿠버, BC'] },
        patient: { ...base.patient, preferredName: '小明' },
        template: {
          ...base.template,
          title: 'Consent 同意',
          sections: [{ heading: 'Why 为什么', paragraphs: ['Fine.', 'Risks: 危险'] }],
        },
        choices: [{ group: '部位', label: 'Back 背', checked: true }],
        signature: { method: 'screen', image: sampleSignature(), signerName: '王 小明', signedAt: '2025-03-14T21:31:40.000Z' },
        explainedBy: '김 민준, RMT',
        witnessedBy: '李',
      }),
    );
    expect(Object.keys(f).sort()).toEqual(
      [
        'choices.0.group',
        'choices.0.label',
        'clinic.addressLines.1',
        'clinic.name',
        'explainedBy',
        'patient.preferredName',
        'signature.signerName',
        'template.sections.0.heading',
        'template.sections.0.paragraphs.1',
        'template.title',
        'witnessedBy',
      ].sort(),
    );
    expect(f['clinic.name']).toMatch(/^This form’s font cannot print 東, 京 in the clinic name .*Settings › Clinic/);
    expect(f['signature.signerName']).toMatch(/cannot print 王, 小, 明 in the signer’s name/);
    expect(f.explainedBy).toMatch(/cannot print 김, 민, 준 in who explained the form/);
  });

  it('also for paper and verbal consents: who saw or recorded it', async () => {
    const paper = await fields(sampleConsent('en-CA', { signature: { method: 'paper', signedAt: '2025-01-02T16:05:00.000Z', seenBy: '王 小明' } }));
    expect(Object.keys(paper)).toEqual(['signature.seenBy']);
    const verbal = await fields(sampleConsent('en-CA', { signature: { method: 'verbal', signedAt: '2025-01-02T16:05:00.000Z', recordedBy: '김 민준' } }));
    expect(Object.keys(verbal)).toEqual(['signature.recordedBy']);
  });

  it('checks each text against the face that prints it', async () => {
    // DejaVu Sans has the mathematical sans-serif letters people paste as "fancy" text;
    // DejaVu Sans Bold does not. The preferred name prints in regular, the full name in
    // bold (the identity box) and regular (the running header).
    const fancy = '𝖹𝗈𝖾';
    const patient = sampleConsent().patient;
    const file = await toFile(await render(sampleConsent('en-CA', { patient: { ...patient, preferredName: fancy } })));
    expect((await pages(file)).join('\n')).toContain(fancy);
    const f = await fields(sampleConsent('en-CA', { patient: { ...patient, fullName: `${fancy} O'Brien` } }));
    expect(f['patient.fullName']).toMatch(/cannot print 𝖹, 𝗈, 𝖾 in the patient’s name\. Please/);
  });

  it.each([
    ['Arabic', 'محمد الأحمد'],
    ['Hebrew', 'דוד כהן'],
  ])('refuses a name in %s script: there is no right-to-left layout', async (script, name) => {
    const f = await fields(sampleConsent('en-CA', { patient: { ...sampleConsent().patient, fullName: name }, explainedBy: `Amélie Tremblay (${name})` }));
    expect(f['patient.fullName']).toBe(
      `This form cannot print the patient’s name in ${script} script: it has no right-to-left layout, so the letters would print in the wrong order. Please enter it in Latin letters on the patient’s record.`,
    );
    expect(f.explainedBy).toMatch(new RegExp(`who explained the form in ${script} script`));
  });

  it('names a character nobody can see by its code point, and lets through what is never drawn', async () => {
    const clinic = sampleConsent().clinic;
    const f = await fields(sampleConsent('en-CA', { clinic: { ...clinic, addressLines: ['1250 Commercial Drive\tSuite 200', 'Vancouver'] } }));
    expect(f['clinic.addressLines.0']).toMatch(/cannot print U\+0009 in the clinic address\. Please change it in Settings › Clinic\./);
    // A line break, a zero-width joiner and a variation selector reach no glyph.
    await render(sampleConsent('en-CA', { clinic: { ...clinic, addressLines: ['1250 Commercial Drive\nSuite 200', 'Vancouver\u200d\ufe0f'] } }));
  });

  it('every printing problem alongside the other problems', async () => {
    const f = await fields(sampleConsent('en-CA', { documentId: 'not-a-uuid', patient: { ...sampleConsent().patient, fullName: '王 小明' } }));
    expect(Object.keys(f).sort()).toEqual(['documentId', 'patient.fullName']);
  });

  it('checkConsentPdf (entering patient mode) gives the answer rendering would, without drawing', async () => {
    const patient = sampleConsent().patient;
    const inputs = [
      sampleConsent('en-CA'),
      sampleConsent('fr-CA', { signature: { method: 'paper-blank' }, explainedBy: '' }),
      sampleConsent('en-CA', { patient: { ...patient, fullName: '王 小明' } }),
      sampleConsent('en-CA', { clinic: { ...sampleConsent().clinic, name: ' ' }, timeZone: 'Mars/Olympus' }),
    ];
    for (const input of inputs) {
      const rendered = await renderConsentPdf(input, deps);
      expect(await checkConsentPdf(input, deps)).toEqual(rendered.ok ? { ok: true, value: null } : rendered);
    }
    const missing = { fontsDir: path.join(dir, 'no-fonts-here') };
    expect(await checkConsentPdf(sampleConsent(), missing)).toEqual(await renderConsentPdf(sampleConsent(), missing));
  });

  it('missing fonts are an internal error that says which file and where', async () => {
    const r = await renderConsentPdf(sampleConsent('en-CA'), { fontsDir: path.join(dir, 'no-fonts-here') });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('internal');
      expect(r.error.message).toContain('DejaVuSans.ttf');
      expect(r.error.message).toContain('no-fonts-here');
    }
  });
});

describe('the signature check, before any PDF is made: decoded once, passed on as the PDF embeds it', () => {
  const message = (png: Buffer) => {
    const r = checkSignaturePng(png);
    return r.ok ? 'accepted' : r.message;
  };

  it('an empty signature', () => {
    expect(message(Buffer.alloc(0))).toMatch(/empty/);
  });

  it('JPEG bytes given as the PNG signature', () => {
    expect(message(Buffer.from('/9j/4AAQSkZJRgABAQEASABIAAD/2w==', 'base64'))).toMatch(/not a PNG/);
  });

  it('a corrupt signature PNG (its pixel data damaged, checksums intact)', () => {
    const raw = Buffer.alloc(9 * (1 + 13 * 4), 7); // filter byte 7 does not exist
    const png = encodePng(13, 9, new Uint8Array(13 * 9 * 4), 4);
    const idat = png.indexOf('IDAT');
    const broken = Buffer.concat([png.subarray(0, idat - 4), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
    expect(message(broken)).toMatch(/corrupt/);
    const flipped = Buffer.from(sampleSignaturePng());
    flipped[flipped.length - 20] ^= 0xff;
    expect(message(flipped)).toMatch(/corrupt/);
  });

  it('a good one comes back flattened onto white, its size kept', () => {
    const r = checkSignaturePng(sampleSignaturePng());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([r.image.width, r.image.height]).toEqual([600, 180]);
    const flat = decodePng(r.image.bytes);
    expect(flat.ok && flat.image.pixels.every((v, i) => i % 4 !== 3 || v === 255)).toBe(true);
  });
});

describe('PNG decoding (every colour type, bit depth and interlacing a logo may use)', () => {
  // Made with ImageMagick from one 13 × 9 picture: four colours, one of them transparent.
  const colourVariants = {
    'RGBA, interlaced': 'iVBORw0KGgoAAAANSUhEUgAAAA0AAAAJCAYAAAGefZb8AAAAkElEQVQY03VPwRWDIBRLeL3TCexVJ6hXLzoGnYCuqRPUa10kvQDvQzUXSP4nCfQhCgAcEnitFGHt+iLclmk+n2DteklSfm+5AwCSBABJshxWrM4ru7+OVQkA8CFKkkrDU/98sRntN9psH6JoozKe309V5f56V5wlMmF7DNXCeOy03Icox4TWbTx2LtMMJdg2P91DhLPT/MFIAAAAAElFTkSuQmCC',
    'palette with transparency': 'iVBORw0KGgoAAAANSUhEUgAAAA0AAAAJCAMAAADepFZYAAAADFBMVEUAAAAPX27IHij////6jDpsAAAAAXRSTlMAQObYZgAAADZJREFUCNdNzAkKACEQA8GJ+/8/mwIXHcjREZzM+q6EBBZuOanppbw3Zs/T80U9FlRpuBT+awMr8gCtGN8XXgAAAABJRU5ErkJggg==',
    'palette, interlaced': 'iVBORw0KGgoAAAANSUhEUgAAAA0AAAAJCAMAAAGpo2bOAAAADFBMVEUAAAAPX27IHij////6jDpsAAAAAXRSTlMAQObYZgAAADxJREFUCNdNTQkOACAIAvn/nwOpLRR14gESnzvMDF4esQRlAqq1S3ZhxSutFjETiYaMnUyRBgyGyi/l9AEqwQCt55M5uQAAAABJRU5ErkJggg==',
    'RGBA, 16 bits': 'iVBORw0KGgoAAAANSUhEUgAAAA0AAAAJEAYAAAC56nopAAAAqElEQVQoz61Syw2DMAy1pd5hAnIlE8A2MAHMkg0yTpgArjBBmMC91I3k1LIq8S4R8vs4L0DTTNOyEMEHKXVd39MXj80tgWVsBfD52jbnvAfI+Tz3HQAgxhCI2nae17UY3TciIqI05u9hYP1vqEIJy0guVgVpVTwN5E41AlerYRyv6zhKpRLVG2lCeeOcYwyh8FNyzvsyt4KrDRjy79N4kl8tqhlbwf/O3/JqFTPLXyzIAAAAAElFTkSuQmCC',
  };
  const greyVariants = {
    'grey, 2 bits': 'iVBORw0KGgoAAAANSUhEUgAAAA0AAAAJAgAAAACGoeEXAAAAFUlEQVQI12OQlpZmYNi4cWMDA2EWAA1zC+LK1e1xAAAAAElFTkSuQmCC',
    'grey, interlaced': 'iVBORw0KGgoAAAANSUhEUgAAAA0AAAAJCAAAAAG7FskgAAAAMUlEQVQI132MQQoAIBACp/2jn/STdmgJikgYdC7ClWEoFmCMewOKorQ+Cwdt6rj+2QTFPQ1e6ndsYQAAAABJRU5ErkJggg==',
  };
  const colours = [[15, 95, 110, 255], [255, 255, 255, 255], [200, 30, 40, 255], [0, 0, 0, 0]];
  const picture = (at: (x: number, y: number) => number[]) => {
    const px = new Uint8Array(13 * 9 * 4);
    for (let y = 0; y < 9; y++) for (let x = 0; x < 13; x++) px.set(at(x, y), (y * 13 + x) * 4);
    return px;
  };
  const colour = picture((x, y) => colours[(x * 3 + y * 5 + ((x * y) >> 2)) % 4]);
  const greyLevel = (x: number, y: number) => [0, 85, 170, 255][(x + 2 * y) % 4];
  const grey = picture((x, y) => [greyLevel(x, y), greyLevel(x, y), greyLevel(x, y), 255]);
  /** Equal, except the colour under fully transparent pixels, which nobody sees. */
  const same = (a: Uint8Array, b: Uint8Array) => a.every((v, i) => v === b[i] || (a[(i & ~3) + 3] === 0 && b[(i & ~3) + 3] === 0));

  it.each(Object.entries(colourVariants))('%s', (_, base64) => {
    const r = decodePng(Buffer.from(base64, 'base64'));
    expect(r.ok && same(r.image.pixels, colour)).toBe(true);
  });
  it.each(Object.entries(greyVariants))('%s', (_, base64) => {
    const r = decodePng(Buffer.from(base64, 'base64'));
    expect(r.ok && same(r.image.pixels, grey)).toBe(true);
  });
  it('grey with a transparent level (tRNS)', () => {
    const r = decodePng(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAA0AAAAJCAAAAADMEfm2AAAAAnRSTlMAAHaTzTgAAAAXSURBVAjXY2AIXfUfjhmQ2KGrGGguBwDjUThzI8a0TAAAAABJRU5ErkJggg==', 'base64'));
    const want = picture((x, y) => [greyLevel(x, y), greyLevel(x, y), greyLevel(x, y), greyLevel(x, y) === 0 ? 0 : 255]);
    expect(r.ok && same(r.image.pixels, want)).toBe(true);
  });
  it('refuses a decompression bomb before inflating it', () => {
    const header = encodePng(1, 1, new Uint8Array(4), 4);
    header.writeUInt32BE(20000, 16); // width in IHDR
    header.writeUInt32BE(crc32(header.subarray(12, 29)), 29);
    const r = decodePng(header);
    expect(r.ok ? 'decoded' : r.reason).toMatch(/too large/);
  });
});
