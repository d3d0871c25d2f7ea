import type { ConsentPdfLabels } from './labels';
import { formatDateOfBirth, formatSignedAt, shortRecordId } from './format';
import type { ConsentPdfInput } from './types';
import type { CheckedImages } from './validate';

/**
 * The consent form's page, drawn top to bottom. Blocks that must not be split (the
 * patient box, a choice, the signature block) are measured first as rows, then moved to
 * a new page whole when they do not fit; paragraphs flow across pages on their own.
 */

type Doc = PDFKit.PDFDocument;

/** US Letter: what Canadian clinic printers are loaded with. */
export const pageSize = { width: 612, height: 792 } as const;
export const margins = { top: 54, left: 56, right: 56, bottom: 72 } as const;

export const fontNames = { regular: 'Body', bold: 'Bold' } as const;

const colour = {
  text: '#1d2327',
  muted: '#5b6770',
  accent: '#0f5f6e',
  rule: '#c5cfd4',
  fill: '#f1f5f6',
  box: '#2b3338',
} as const;

const body = { size: 10, lineGap: 2.2, paragraphGap: 5 } as const;

export interface LayoutContext {
  doc: Doc;
  input: ConsentPdfInput;
  labels: ConsentPdfLabels;
  images: CheckedImages;
}

/** A piece measured before it is drawn, so it can move to the next page whole. */
interface Row {
  height: number;
  draw: (y: number) => void;
}

const left = margins.left;
const right = pageSize.width - margins.right;
const width = right - left;
const bottomLimit = pageSize.height - margins.bottom;

function measure(doc: Doc, font: string, size: number, text: string, w: number, lineGap = 0): number {
  return doc.font(font).fontSize(size).heightOfString(text, { width: w, lineGap });
}

/** Starts a new page unless `needed` points still fit above the bottom margin. */
function ensureRoom(doc: Doc, needed: number) {
  if (doc.y + needed > bottomLimit && doc.y > margins.top) doc.addPage();
}

/** Draws rows as one unit: never split across pages (unless taller than a page). */
function placeTogether(doc: Doc, rows: Row[]) {
  ensureRoom(doc, rows.reduce((sum, r) => sum + r.height, 0));
  let y = doc.y;
  for (const row of rows) {
    row.draw(y);
    y += row.height;
  }
  doc.x = left;
  doc.y = y;
}

function text(doc: Doc, font: string, size: number, fill: string, s: string, x: number, y: number, options: PDFKit.Mixins.TextOptions) {
  doc.font(font).fontSize(size).fillColor(fill).text(s, x, y, options);
}

export function drawLetterhead({ doc, input, images }: LayoutContext) {
  const { clinic } = input;
  const top = margins.top;
  let textX = left;
  let logoBottom = top;
  if (images.logo) {
    // At most 60 pt high and 150 pt wide, aspect kept: a letterhead mark, not a banner.
    const scale = Math.min(150 / images.logo.width, 60 / images.logo.height);
    const w = images.logo.width * scale;
    const h = images.logo.height * scale;
    doc.image(images.logo.bytes, left, top, { width: w, height: h });
    textX = left + w + 14;
    logoBottom = top + h;
  }
  const textWidth = right - textX;
  text(doc, fontNames.bold, 15, colour.accent, clinic.name, textX, top, { width: textWidth });
  const contact = [clinic.phone, clinic.email].filter((s) => s.trim() !== '').join('  ·  ');
  const details = [...clinic.addressLines.filter((s) => s.trim() !== ''), contact].filter((s) => s !== '');
  if (details.length > 0) {
    text(doc, fontNames.regular, 9, colour.muted, details.join('\n'), textX, doc.y + 2, { width: textWidth, lineGap: 1.5 });
  }
  const ruleY = Math.max(doc.y, logoBottom) + 10;
  doc.moveTo(left, ruleY).lineTo(right, ruleY).lineWidth(1.2).strokeColor(colour.accent).stroke();
  doc.x = left;
  doc.y = ruleY + 18;
}

export function drawTitle({ doc, input }: LayoutContext) {
  text(doc, fontNames.bold, 17, colour.text, input.template.title, left, doc.y, { width });
  doc.y += 10;
}

/** Identity box: the name exactly as typed, and enough to match the right chart. */
export function drawPatientBox({ doc, input, labels }: LayoutContext) {
  const { patient, locale } = input;
  const pad = 10;
  const gap = 14;
  const inner = width - 2 * pad;
  const cell = (label: string, value: string, w: number, bold = false) => {
    const shown = value.trim() === '' ? labels.none : value;
    const valueSize = bold ? 12 : 10.5;
    const labelH = measure(doc, fontNames.regular, 8, label, w);
    const valueH = measure(doc, bold ? fontNames.bold : fontNames.regular, valueSize, shown, w);
    return {
      height: labelH + 2 + valueH,
      draw: (x: number, y: number) => {
        text(doc, fontNames.regular, 8, colour.muted, label, x, y, { width: w });
        text(doc, bold ? fontNames.bold : fontNames.regular, valueSize, colour.text, shown, x, y + labelH + 2, { width: w });
      },
    };
  };
  const cols = [inner * 0.42, inner * 0.26, inner * 0.32 - 2 * gap];
  const first = [
    cell(labels.name, patient.fullName, cols[0], true),
    cell(labels.preferredName, patient.preferredName, cols[1]),
    cell(labels.dateOfBirth, formatDateOfBirth(patient.dateOfBirth, locale), cols[2]),
  ];
  const second = [cell(labels.phone, patient.phone, cols[0]), cell(labels.record, shortRecordId(patient.recordId), cols[1])];
  const h1 = Math.max(...first.map((c) => c.height));
  const h2 = Math.max(...second.map((c) => c.height));
  const boxH = pad + h1 + 10 + h2 + pad;
  placeTogether(doc, [
    {
      height: boxH + 16,
      draw: (y) => {
        doc.roundedRect(left, y, width, boxH, 4).fillColor(colour.fill).fill();
        doc.rect(left, y, 3, boxH).fillColor(colour.accent).fill();
        const xs = [left + pad + 4, left + pad + 4 + cols[0] + gap, left + pad + 4 + cols[0] + cols[1] + 2 * gap];
        first.forEach((c, i) => c.draw(xs[i], y + pad));
        second.forEach((c, i) => c.draw(xs[i], y + pad + h1 + 10));
      },
    },
  ]);
}

/**
 * No single line of a paragraph alone at the foot of a page (orphan) or at the top of
 * the next (widow). A short paragraph moves whole; a long one starts a line lower, so
 * two of its lines go over instead of one.
 */
function keepLinesTogether(doc: Doc, lines: number, lineHeight: number) {
  const fit = Math.floor((bottomLimit - doc.y + 0.5) / lineHeight);
  if (lines <= fit) return;
  if (fit < 2 || lines - fit < 2) {
    if (lines <= 8 || fit < 3) doc.addPage();
    else doc.y = bottomLimit - (fit - 1) * lineHeight;
  }
}

export function drawSections({ doc, input }: LayoutContext) {
  const lineHeight = measure(doc, fontNames.regular, body.size, 'Ag', width, body.lineGap);
  for (const section of input.template.sections) {
    const paragraphs = section.paragraphs.filter((p) => p.trim() !== '');
    const heading = section.heading.trim();
    // Keep a heading with the first lines of its paragraph: a heading alone at the foot
    // of a page reads as the end of the form.
    const headH = heading ? measure(doc, fontNames.bold, 11.5, heading, width) + 4 : 0;
    const firstH = paragraphs.length ? Math.min(measure(doc, fontNames.regular, body.size, paragraphs[0], width, body.lineGap), 3 * lineHeight) : 0;
    ensureRoom(doc, headH + firstH);
    if (heading) {
      text(doc, fontNames.bold, 11.5, colour.accent, heading, left, doc.y, { width });
      doc.y += 4;
    }
    for (const p of paragraphs) {
      keepLinesTogether(doc, Math.round(measure(doc, fontNames.regular, body.size, p, width, body.lineGap) / lineHeight), lineHeight);
      text(doc, fontNames.regular, body.size, colour.text, p, left, doc.y, { width, lineGap: body.lineGap, paragraphGap: body.paragraphGap });
    }
    doc.x = left;
    doc.y += 8;
  }
}

/** A box with a drawn tick: glyphs like ☒ vary by font and do not survive every printer. */
function checkBox(doc: Doc, x: number, y: number, checked: boolean) {
  const s = 11;
  doc.lineWidth(0.9).strokeColor(colour.box).rect(x, y, s, s).stroke();
  if (checked) {
    doc
      .lineWidth(1.6)
      .strokeColor(colour.accent)
      .lineCap('round')
      .lineJoin('round')
      .moveTo(x + 2.3, y + 5.8)
      .lineTo(x + 4.6, y + 8.4)
      .lineTo(x + 8.9, y + 2.6)
      .stroke()
      .lineCap('butt')
      .lineJoin('miter');
  }
}

export function drawChoices({ doc, input, labels }: LayoutContext) {
  if (input.choices.length === 0) return;
  const groups = new Map<string, ConsentPdfInput['choices']>();
  for (const c of input.choices) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  const stateWidth = 60;
  const labelX = left + 22;
  const labelWidth = right - stateWidth - 10 - labelX;
  const drawRule = (y: number) => doc.moveTo(labelX, y).lineTo(right, y).lineWidth(0.4).strokeColor(colour.rule).stroke();
  doc.y += 2;
  for (const [group, choices] of groups) {
    const rows: Row[] = choices.map((choice) => {
      const h = Math.max(measure(doc, fontNames.regular, 10.5, choice.label, labelWidth), 12);
      return {
        height: h + 7,
        draw: (y) => {
          checkBox(doc, left + 4, y, choice.checked);
          text(doc, fontNames.regular, 10.5, colour.text, choice.label, labelX, y, { width: labelWidth });
          // The state in words as well: a tick does not survive text extraction or a
          // faint photocopy, a word does. A blank form for paper is ticked by hand, so
          // it carries no printed answer.
          if (input.signature.method === 'paper-blank') return drawRule(y + h + 3);
          const state = choice.checked ? labels.yes : labels.no;
          text(doc, choice.checked ? fontNames.bold : fontNames.regular, 9, choice.checked ? colour.accent : colour.muted, state, right - stateWidth, y + 1.5, {
            width: stateWidth,
            align: 'right',
          });
          drawRule(y + h + 3);
        },
      };
    });
    const headingH = group.trim() ? measure(doc, fontNames.bold, 11.5, group, width) + 6 : 0;
    // The group heading travels with its first choice.
    placeTogether(doc, [{ height: headingH, draw: (y) => group.trim() && text(doc, fontNames.bold, 11.5, colour.accent, group, left, y, { width }) }, rows[0]]);
    for (const row of rows.slice(1)) placeTogether(doc, [row]);
    doc.y += 10;
  }
}

/** A line to write on, with its caption underneath, and what is written on it if known. */
interface WriteLine {
  x: number;
  w: number;
  caption: string;
  value?: string;
}
const writeLineHeight = 38;

/**
 * Lines side by side in one row, their rules level. A one-line value sits 8 pt below
 * the top, the rule at 24 pt, the caption at 27 pt. A longer value ("Priya Natarajan,
 * Registered Massage Therapist (RMT)") wraps in full, never cut short, and the rules and
 * captions move down with it, the row growing to match; so does a caption that wraps.
 */
function writeLines(doc: Doc, lines: WriteLine[], space: { above?: number; below?: number } = {}): Row {
  const above = space.above ?? 0;
  const oneValue = measure(doc, fontNames.regular, 10.5, 'Ag', width);
  const oneCaption = measure(doc, fontNames.regular, 8, 'Ag', width);
  const valueH = Math.max(oneValue, ...lines.map((l) => (l.value ? measure(doc, fontNames.regular, 10.5, l.value, l.w) : 0)));
  const captionH = Math.max(oneCaption, ...lines.map((l) => measure(doc, fontNames.regular, 8, l.caption, l.w)));
  const ruleAt = 24 + (valueH - oneValue);
  return {
    height: above + writeLineHeight + (valueH - oneValue) + (captionH - oneCaption) + (space.below ?? 0),
    draw: (top) => {
      const y = top + above;
      for (const { x, w, caption, value } of lines) {
        if (value) text(doc, fontNames.regular, 10.5, colour.text, value, x, y + 8, { width: w });
        doc.moveTo(x, y + ruleAt).lineTo(x + w, y + ruleAt).lineWidth(0.8).strokeColor(colour.box).stroke();
        text(doc, fontNames.regular, 8, colour.muted, caption, x, y + ruleAt + 3, { width: w });
      }
    },
  };
}

function signatureRows({ doc, input, labels }: LayoutContext, images: CheckedImages): Row[] {
  const sig = input.signature;
  const when = (iso: string) => formatSignedAt(iso, input.locale, input.timeZone);
  const lines = (items: Array<{ s: string; bold?: boolean; muted?: boolean }>, x: number, w: number) => {
    const sized = items.map((it) => {
      const font = it.bold ? fontNames.bold : fontNames.regular;
      const size = it.muted ? 9 : 10.5;
      // pdfkit would break "(America/Vancouver)" after the slash; break before the zone instead.
      const s = doc.font(font).fontSize(size).widthOfString(it.s) > w ? it.s.replace(/ \(([^()]*)\)$/, '\n($1)') : it.s;
      return { ...it, s, h: measure(doc, font, size, s, w) + 3 };
    });
    return {
      height: sized.reduce((sum, it) => sum + it.h, 0),
      draw: (y: number) => {
        for (const it of sized) {
          text(doc, it.bold ? fontNames.bold : fontNames.regular, it.muted ? 9 : 10.5, it.muted ? colour.muted : colour.text, it.s, x, y, { width: w });
          y += it.h;
        }
      },
    };
  };
  switch (sig.method) {
    case 'screen': {
      const boxW = 240;
      const boxH = 92;
      const infoX = left + boxW + 20;
      const info = lines(
        [
          { s: labels.signedBy, muted: true },
          { s: sig.signerName, bold: true },
          ...(sig.onBehalf ? [{ s: sig.onBehalf }] : []),
          { s: labels.signedOn(when(sig.signedAt)) },
          { s: labels.signedOnScreen, muted: true },
        ],
        infoX,
        right - infoX,
      );
      return [
        {
          height: Math.max(boxH, info.height) + 14,
          draw: (y) => {
            doc.roundedRect(left, y, boxW, boxH, 3).lineWidth(0.6).strokeColor(colour.rule).stroke();
            const pic = images.signature;
            if (pic) {
              const scale = Math.min((boxW - 16) / pic.width, (boxH - 16) / pic.height);
              const w = pic.width * scale;
              const h = pic.height * scale;
              doc.image(pic.bytes, left + (boxW - w) / 2, y + (boxH - h) / 2, { width: w, height: h });
            }
            info.draw(y + 4);
          },
        },
      ];
    }
    case 'paper': {
      const block = lines([...(sig.onBehalf ? [{ s: sig.onBehalf, bold: true }] : []), { s: labels.signedOnPaperSeenBy(sig.seenBy), bold: true }, { s: labels.signedOn(when(sig.signedAt)) }, { s: labels.paperCopyKept, muted: true }], left, width);
      return [{ height: block.height + 10, draw: block.draw }];
    }
    case 'verbal': {
      const block = lines([{ s: labels.verbalRecordedBy(sig.recordedBy), bold: true }, { s: labels.givenOn(when(sig.signedAt)) }], left, width);
      return [{ height: block.height + 10, draw: block.draw }];
    }
    case 'paper-blank': {
      const dateX = left + width * 0.64;
      return [
        writeLines(
          doc,
          [
            { x: left, w: width * 0.6, caption: labels.blankSignature },
            { x: dateX, w: right - dateX, caption: labels.blankDate },
          ],
          { above: 10, below: 2 },
        ),
        writeLines(doc, [{ x: left, w: width * 0.6, caption: labels.blankName }], { below: 4 }),
      ];
    }
  }
}

/**
 * Signature, then who explained and who witnessed: one block, never split, so a page
 * never carries a signature without the form it signs or the other way round.
 */
export function drawSignatureBlock(ctx: LayoutContext) {
  const { doc, input, labels } = ctx;
  const headingH = measure(doc, fontNames.bold, 11.5, labels.signature, width) + 8;
  const colW = (width - 24) / 2;
  const people = writeLines(
    doc,
    [
      { x: left, w: colW, caption: labels.explainedBy, value: input.explainedBy.trim() },
      { x: left + colW + 24, w: colW, caption: labels.witnessedBy, value: input.witnessedBy?.trim() ?? '' },
    ],
    { below: 2 },
  );
  doc.y += 4;
  placeTogether(doc, [
    {
      height: headingH,
      draw: (y) => {
        doc.moveTo(left, y).lineTo(right, y).lineWidth(0.6).strokeColor(colour.rule).stroke();
        text(doc, fontNames.bold, 11.5, colour.accent, labels.signature, left, y + 8, { width });
      },
    },
    { height: 6, draw: () => undefined },
    ...signatureRows(ctx, ctx.images),
    people,
  ]);
}

/**
 * Footer on every page, and on pages after the first a running header naming the
 * patient, so a loose page still finds its chart. Written last, over the buffered
 * pages; the bottom margin is lifted meanwhile or pdfkit would start new pages.
 */
export function drawPageFurniture({ doc, input, labels }: LayoutContext) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = pageSize.height - 50;
    doc.moveTo(left, y).lineTo(right, y).lineWidth(0.5).strokeColor(colour.rule).stroke();
    const pageText = labels.pageOf(i - range.start + 1, range.count);
    const one = { lineBreak: false, height: 10, ellipsis: true } as const;
    text(doc, fontNames.regular, 8, colour.muted, `${input.template.name}  ·  ${labels.version(input.template.version)}`, left, y + 7, { ...one, width: width - 90 });
    text(doc, fontNames.regular, 8, colour.muted, pageText, right - 90, y + 7, { ...one, width: 90, align: 'right' });
    text(doc, fontNames.regular, 8, colour.muted, labels.document(input.documentId), left, y + 19, { ...one, width });
    if (i > range.start) {
      const head = `${input.patient.fullName}  ·  ${labels.labelled(labels.dateOfBirth, formatDateOfBirth(input.patient.dateOfBirth, input.locale))}`;
      text(doc, fontNames.regular, 8, colour.muted, input.clinic.name, left, 30, { ...one, width: width / 2 - 10 });
      text(doc, fontNames.regular, 8, colour.muted, head, left + width / 2, 30, { ...one, width: width / 2, align: 'right' });
      doc.moveTo(left, 42).lineTo(right, 42).lineWidth(0.5).strokeColor(colour.rule).stroke();
    }
    doc.page.margins.bottom = saved;
  }
}
