import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { Fonts } from './fonts';
import { fontNames, margins, pageSize } from './page';

/** 16 bytes of the record's UUID: the PDF's permanent /ID, the same at every render. */
function uuidBytes(id: string): Uint8Array {
  return Uint8Array.from(Buffer.from(id.replace(/-/g, ''), 'hex'));
}

/**
 * pdfkit builds a font subset's tag ("BZZZZZ+DejaVuSans") from the font's resource id,
 * which is its order of use: the same tag in every document, for different subsets.
 * A tag is meant to name one subset, so it is derived from the document id instead:
 * the same for the same record, different between records. pdfkit maps the id's
 * characters 0-9 and A-I to the tag's letters, so the id is drawn from those.
 */
function nameFontSubsets(doc: PDFKit.PDFDocument, documentId: string, fonts: Fonts) {
  const alphabet = '0123456789ABCDEFGHI';
  for (const [name, parsed] of [[fontNames.bold, fonts.bold], [fontNames.regular, fonts.regular]] as const) {
    doc.font(name);
    const digest = createHash('sha256').update(`${documentId}/${name}`).digest();
    const id = `F${Array.from(digest.subarray(0, 6), (b) => alphabet[b % alphabet.length]).join('')}`;
    const font = (doc as unknown as { _font: { id: string; layoutCache: object } })._font;
    font.id = id;
    font.layoutCache = wordLayouts(parsed);
  }
}

/**
 * pdfkit shapes each word once per document and keeps the result in that document's
 * font (`layoutCache`); shaping is the largest part of a render. A shaped word does not
 * depend on the document (glyphs are mapped to the document's subset later, as they are
 * written), and forms repeat the same words, so the cache is kept with the parsed font
 * and shared by every render: CPU time per consent fell from 22.6 to 16 ms (median,
 * tests/bench). It starts afresh every 1,000 renders, so patients' names do not pile up.
 */
const layouts = new WeakMap<object, { words: object; renders: number }>();
function wordLayouts(font: object): object {
  let kept = layouts.get(font);
  if (!kept || kept.renders >= 1000) layouts.set(font, (kept = { words: Object.create(null), renders: 0 }));
  kept.renders += 1;
  return kept.words;
}

/** What a document says about itself; fixed from the record, so the bytes are too. */
export interface StableMeta {
  /** The record's UUID: the PDF's /ID and the seed of its font subset names. */
  documentId: string;
  createdAt: string;
  locale: string;
  title: string;
  author: string;
  subject: string;
}

/**
 * A pdfkit document whose bytes depend on the record alone: no render time, no random
 * id, font subsets named from the record (consent forms, screening records). Draw on
 * `doc`, call `doc.end()`, and `done` gives the bytes.
 */
export function stableDocument(meta: StableMeta, fonts: Fonts): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const created = new Date(meta.createdAt);
  const doc = new PDFDocument({
    size: [pageSize.width, pageSize.height],
    margins: { ...margins },
    bufferPages: true,
    // No default font: pdfkit would otherwise load and embed Helvetica, which we never use.
    font: '',
    lang: meta.locale,
    displayTitle: true,
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Creator: 'Rapport',
      Producer: 'Rapport (pdfkit)',
      // Fixed from the record: pdfkit would stamp the time of rendering.
      CreationDate: created,
      ModDate: created,
    },
  });
  // pdfkit derives the trailer /ID from an MD5 of the info dictionary; the record's
  // UUID is both stable and meaningful. Nothing else in this path is random or dated.
  (doc as unknown as { _id: Uint8Array })._id = uuidBytes(meta.documentId);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // pdfkit takes a parsed font where its types only admit bytes or a path.
  doc.registerFont(fontNames.regular, fonts.regular as unknown as Buffer);
  doc.registerFont(fontNames.bold, fonts.bold as unknown as Buffer);
  nameFontSubsets(doc, meta.documentId, fonts);
  doc.font(fontNames.regular);
  return { doc, done };
}

