import { readFile } from 'node:fs/promises';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { err, ok, type Result } from '../../shared/contract/result';
import { say } from '../../shared/messages';

/**
 * DejaVu Sans, shipped in resources/fonts (Bitstream Vera licence, which allows
 * bundling). pdfkit's built-in Helvetica has no "Ł" or "ễ"; DejaVu covers Latin
 * Extended and Vietnamese, so names print exactly as typed.
 *
 * It has no Chinese, Japanese or Korean characters, and bundling a font that does is
 * out of scope: Noto Sans CJK is about 20 MB per face, against 1.4 MB for both DejaVu
 * faces. Instead every text is checked against the font before a PDF is drawn
 * (glyphs.ts), and one it cannot print is refused by name, never printed as empty boxes.
 */
export const fontFiles = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

/**
 * A font as fontkit parsed it. pdfkit accepts one in place of the file's bytes, and
 * reusing it spares each render re-reading and re-parsing 1.4 MB of font tables (most
 * of a render's time, measured: tests/bench/consent-pdf.bench.ts). Each document still
 * makes its own subset from it, so the output is the same as from fresh bytes
 * (tests/integration/consent-pdf.test.ts compares the two).
 */
export interface ParsedFont {
  readonly layout: (...args: never[]) => unknown;
  /** fontkit's own: whether the font's character map has the code point. */
  readonly hasGlyphForCodePoint: (codePoint: number) => boolean;
}
export interface Fonts {
  regular: ParsedFont;
  bold: ParsedFont;
}

/** Answers per font and code point, remembered: the same texts come back at every render. */
const known = new WeakMap<ParsedFont, Map<number, boolean>>();
export function hasGlyph(font: ParsedFont, cp: number): boolean {
  let seen = known.get(font);
  if (!seen) known.set(font, (seen = new Map()));
  let has = seen.get(cp);
  if (has === undefined) seen.set(cp, (has = font.hasGlyphForCodePoint(cp)));
  return has;
}

const parsed = new Map<string, Fonts>();

/** Forgets parsed fonts, so the next render reads the files again (tests). */
export function forgetParsedFonts() {
  parsed.clear();
}

/**
 * Ligatures off: DejaVu joins "ff", "fi" and "fl" into one glyph, which survives in the
 * PDF's own text layer but not a round trip through a print queue (the printed copy of
 * document "…-40ff-…" read "…-40 -…"), and ids, names and search should not depend on it.
 */
const noLigatures = { liga: false, clig: false, dlig: false, hlig: false };

type Layout = (text: string, features?: unknown, ...rest: unknown[]) => unknown;

function parse(bytes: Buffer): ParsedFont {
  // pdfkit does not export fontkit; a document that is never written lends its parser.
  const doc = new PDFDocument({ autoFirstPage: false, font: '' });
  doc.font(bytes);
  const font = (doc as unknown as { _font: { font: { layout: Layout } } })._font.font;
  // The same font in every other respect, with a layout that leaves ligatures out.
  const derived = Object.create(font) as { layout: Layout };
  derived.layout = (text, features, ...rest) => font.layout(text, features ?? noLigatures, ...rest);
  return derived as unknown as ParsedFont;
}

export async function loadFonts(fontsDir: string): Promise<Result<Fonts>> {
  const key = path.resolve(fontsDir);
  const known = parsed.get(key);
  if (known) return ok(known);
  const read = async (file: string) => {
    try {
      return await readFile(path.join(key, file));
    } catch {
      return null;
    }
  };
  const [regular, bold] = await Promise.all([read(fontFiles.regular), read(fontFiles.bold)]);
  if (!regular || !bold) {
    const missing = [regular ? null : fontFiles.regular, bold ? null : fontFiles.bold].filter(Boolean);
    return err('internal', say('consent.fontMissing', { fonts: missing.join(' and '), folder: key }));
  }
  let fonts: Fonts;
  try {
    fonts = { regular: parse(regular), bold: parse(bold) };
  } catch (e) {
    return err('internal', say('consent.fontsUnreadable', { folder: key, reason: e instanceof Error ? e.message : String(e) }));
  }
  parsed.set(key, fonts);
  return ok(fonts);
}
