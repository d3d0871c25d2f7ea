import type { ConsentPdfLabels } from './labels';
import { colour, drawText as text, fontNames, margins, pageSize } from '../../pdf/page';
import { drawClinicLetterhead } from '../../pdf/letterhead';
import { formatDateOfBirth, formatSignedAt, formatSignedDay, shortRecordId } from '../../pdf/format';
import type { ConsentPdfInput } from './types';
import type { CheckedImages } from './validate';

/**
 * The consent form's page, drawn top to bottom. Blocks that must not be split (the
 * patient box, a choice, the signature block) are measured first as rows, then moved to
 * a new page whole when they do not fit; paragraphs flow across pages on their own.
 * The signature block is measured before anything is drawn, so the last paragraph or
 * choice before it can keep it company: a signature never sits alone on a page, apart
 * from the statement it signs.
 */

type Doc = PDFKit.PDFDocument;

/**
 * Body text at 11 pt, up from 10: many patients are older readers. Clear-print guidance
 * asks for 12 pt in a face like Times; DejaVu Sans's letters are a fifth taller at the
 * same size (x-height 0.55 em against 0.45), so 11 pt reads as Times does at 13.
 */
const body = { size: 11, lineGap: 2, paragraphGap: 6 } as const;
const heading = 12.5;
const sectionGap = 6;
/** Choices and the signing details: the body's size, in their own rows. */
const entry = 11;

export interface LayoutContext {
  doc: Doc;
  input: ConsentPdfInput;
  labels: ConsentPdfLabels;
  images: CheckedImages;
  /** The height of the signature block, which the last paragraph or choice keeps on its page. */
  signatureHeight: number;
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

/** What must follow on the same page: the signature block, unless the two together cannot fit on any page. */
function withSignature(ctx: LayoutContext, height: number): number {
  const both = height + ctx.signatureHeight;
  return both <= bottomLimit - margins.top ? both : height;
}

/** Draws rows as one unit: never split across pages (unless taller than a page); `followedBy` more must fit after them. */
function placeTogether(doc: Doc, rows: Row[], followedBy = 0) {
  ensureRoom(doc, rows.reduce((sum, r) => sum + r.height, followedBy));
  let y = doc.y;
  for (const row of rows) {
    row.draw(y);
    y += row.height;
  }
  doc.x = left;
  doc.y = y;
}

/** The clinic's letterhead (shared with the other PDFs: main/pdf/letterhead.ts). */
export function drawLetterhead({ doc, input, images }: LayoutContext) {
  drawClinicLetterhead(doc, input.clinic, images.logo);
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
    const valueSize = bold ? 12.5 : 11;
    const labelH = measure(doc, fontNames.regular, 8.5, label, w);
    const valueH = measure(doc, bold ? fontNames.bold : fontNames.regular, valueSize, shown, w);
    return {
      height: labelH + 2 + valueH,
      draw: (x: number, y: number) => {
        text(doc, fontNames.regular, 8.5, colour.muted, label, x, y, { width: w });
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

export function drawSections(ctx: LayoutContext) {
  const { doc, input } = ctx;
  const lineHeight = measure(doc, fontNames.regular, body.size, 'Ag', width, body.lineGap);
  const sections = input.template.sections;
  sections.forEach((section, s) => {
    const paragraphs = section.paragraphs.filter((p) => p.trim() !== '');
    const title = section.heading.trim();
    // Keep a heading with the first lines of its paragraph: a heading alone at the foot
    // of a page reads as the end of the form.
    const headH = title ? measure(doc, fontNames.bold, heading, title, width) + 4 : 0;
    const firstH = paragraphs.length ? Math.min(measure(doc, fontNames.regular, body.size, paragraphs[0], width, body.lineGap), 3 * lineHeight) : 0;
    // The statement the patient signs (the last paragraph) goes with the signature, when it is short enough to move.
    const lines = (p: string) => Math.round(measure(doc, fontNames.regular, body.size, p, width, body.lineGap) / lineHeight);
    const statement = s === sections.length - 1 && input.choices.length === 0 && paragraphs.length > 0 && lines(paragraphs.at(-1)!) <= 8 ? paragraphs.length - 1 : -1;
    const statementH = statement >= 0 ? measure(doc, fontNames.regular, body.size, paragraphs[statement], width, body.lineGap) + body.paragraphGap + sectionGap : 0;
    ensureRoom(doc, statement === 0 ? withSignature(ctx, headH + statementH) : headH + firstH);
    if (title) {
      text(doc, fontNames.bold, heading, colour.accent, title, left, doc.y, { width });
      doc.y += 4;
    }
    paragraphs.forEach((p, i) => {
      if (i === statement) ensureRoom(doc, withSignature(ctx, statementH));
      else keepLinesTogether(doc, lines(p), lineHeight);
      text(doc, fontNames.regular, body.size, colour.text, p, left, doc.y, { width, lineGap: body.lineGap, paragraphGap: body.paragraphGap });
    });
    doc.x = left;
    doc.y += sectionGap;
  });
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

export function drawChoices(ctx: LayoutContext) {
  const { doc, input, labels } = ctx;
  if (input.choices.length === 0) return;
  const groups = new Map<string, ConsentPdfInput['choices']>();
  for (const c of input.choices) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  const stateWidth = 60;
  const labelX = left + 22;
  const labelWidth = right - stateWidth - 10 - labelX;
  const drawRule = (y: number) => doc.moveTo(labelX, y).lineTo(right, y).lineWidth(0.4).strokeColor(colour.rule).stroke();
  doc.y += 2;
  const lastGroup = [...groups.keys()].at(-1);
  for (const [group, choices] of groups) {
    const rows: Row[] = choices.map((choice) => {
      const h = Math.max(measure(doc, fontNames.regular, entry, choice.label, labelWidth), 12);
      return {
        height: h + 7,
        draw: (y) => {
          checkBox(doc, left + 4, y, choice.checked);
          text(doc, fontNames.regular, entry, colour.text, choice.label, labelX, y, { width: labelWidth });
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
    const headingH = group.trim() ? measure(doc, fontNames.bold, heading, group, width) + 6 : 0;
    // The group heading travels with its first choice, and the last choice with the signature.
    const after = (i: number) => (group === lastGroup && i === rows.length - 1 ? withSignature(ctx, rows[i].height + 10) - rows[i].height : 0);
    placeTogether(doc, [{ height: headingH, draw: (y) => group.trim() && text(doc, fontNames.bold, heading, colour.accent, group, left, y, { width }) }, rows[0]], after(0));
    rows.slice(1).forEach((row, i) => placeTogether(doc, [row], after(i + 1)));
    doc.y += 10;
  }
}

/** A line to write on by hand, with its caption underneath. */
interface WriteLine {
  x: number;
  w: number;
  caption: string;
}

/** Lines side by side in one row, their rules level, 24 pt down to leave room for a hand; the captions wrap below. */
function writeLines(doc: Doc, lines: WriteLine[], space: { above?: number; below?: number } = {}): Row {
  const above = space.above ?? 0;
  const ruleAt = 24;
  const captionH = Math.max(...lines.map((l) => measure(doc, fontNames.regular, 8, l.caption, l.w)));
  return {
    height: above + ruleAt + 3 + captionH + 3 + (space.below ?? 0),
    draw: (top) => {
      const y = top + above;
      for (const { x, w, caption } of lines) {
        doc.moveTo(x, y + ruleAt).lineTo(x + w, y + ruleAt).lineWidth(0.8).strokeColor(colour.box).stroke();
        text(doc, fontNames.regular, 8, colour.muted, caption, x, y + ruleAt + 3, { width: w });
      }
    },
  };
}

/**
 * How the form was signed. A signed record says who explained it and, only when there
 * was one, who witnessed it, as text; a form printed for paper leaves lines for both.
 */
function signatureRows({ doc, input, labels, images }: Omit<LayoutContext, 'signatureHeight'>): Row[] {
  const sig = input.signature;
  const when = (iso: string) => formatSignedAt(iso, input.locale, input.timeZone);
  const people = [labels.labelled(labels.explainedBy, input.explainedBy.trim())];
  if (input.witnessedBy?.trim()) people.push(labels.labelled(labels.witnessedBy, input.witnessedBy.trim()));
  const lines = (items: Array<{ s: string; bold?: boolean; muted?: boolean; gap?: boolean }>, x: number, w: number) => {
    const sized = items.map((it) => {
      const font = it.bold ? fontNames.bold : fontNames.regular;
      const size = it.muted ? 9.5 : entry;
      return { ...it, font, size, h: measure(doc, font, size, it.s, w) + (it.gap ? 8 : 3) };
    });
    return {
      height: sized.reduce((sum, it) => sum + it.h, 0),
      draw: (y: number) => {
        for (const it of sized) {
          text(doc, it.font, it.size, it.muted ? colour.muted : colour.text, it.s, x, y, { width: w });
          y += it.h;
        }
      },
    };
  };
  const recorded = people.map((s) => ({ s }));
  /** How it was given on the left, who was there on the right: the block as short as the screen's. */
  const columns = (how: Parameters<typeof lines>[0], who: Parameters<typeof lines>[0]): Row => {
    const colW = (width - 24) / 2;
    const a = lines(how, left, colW);
    const b = lines(who, left + colW + 24, colW);
    return {
      height: Math.max(a.height, b.height) + 4,
      draw: (y) => {
        a.draw(y);
        b.draw(y);
      },
    };
  };
  switch (sig.method) {
    case 'screen': {
      const boxW = 210;
      const boxH = 66;
      const infoX = left + boxW + 18;
      const info = lines(
        [{ s: labels.signedBy(sig.signerName), bold: true }, ...(sig.onBehalf ? [{ s: sig.onBehalf }] : []), { s: labels.signedOnScreen(when(sig.signedAt)), gap: true }, ...recorded],
        infoX,
        right - infoX,
      );
      return [
        {
          height: Math.max(boxH, info.height) + 4,
          draw: (y) => {
            doc.roundedRect(left, y, boxW, boxH, 3).lineWidth(0.6).strokeColor(colour.rule).stroke();
            const pic = images.signature;
            if (pic) {
              const scale = Math.min((boxW - 16) / pic.width, (boxH - 16) / pic.height);
              const w = pic.width * scale;
              const h = pic.height * scale;
              doc.image(pic.bytes, left + (boxW - w) / 2, y + (boxH - h) / 2, { width: w, height: h });
            }
            info.draw(y + 2);
          },
        },
      ];
    }
    case 'paper': {
      // The date written on the form: a paper signature has no time of day anyone entered.
      const day = formatSignedDay(sig.signedAt, input.locale, input.timeZone);
      return [columns([...(sig.onBehalf ? [{ s: sig.onBehalf, bold: true }] : []), { s: labels.signedOnPaperSeenBy(sig.seenBy), bold: true }, { s: labels.signedOn(day) }], [...recorded, { s: labels.paperCopyKept, muted: true }])];
    }
    case 'verbal':
      return [columns([{ s: labels.verbalRecordedBy(sig.recordedBy), bold: true }, { s: labels.givenOn(when(sig.signedAt)) }], recorded)];
    case 'paper-blank': {
      const dateX = left + width * 0.64;
      const colW = (width - 24) / 2;
      return [
        writeLines(
          doc,
          [
            { x: left, w: width * 0.6, caption: labels.blankSignature },
            { x: dateX, w: right - dateX, caption: labels.blankDate },
          ],
          { above: 4, below: 2 },
        ),
        writeLines(doc, [{ x: left, w: width * 0.6, caption: labels.blankName }], { below: 4 }),
        // Filled in by hand at the desk: who explained the form, and a witness if there is one.
        writeLines(
          doc,
          [
            { x: left, w: colW, caption: labels.explainedBy },
            { x: left + colW + 24, w: colW, caption: labels.witnessedBy },
          ],
          { below: 2 },
        ),
      ];
    }
  }
}

/**
 * The signature block, measured: its heading, how it was signed, who explained and who
 * witnessed. One block, never split, so a page never carries a signature without the
 * form it signs or the other way round.
 */
export function signatureBlock(ctx: Omit<LayoutContext, 'signatureHeight'>): Row {
  const { doc, labels } = ctx;
  const headingH = measure(doc, fontNames.bold, heading, labels.signature, width) + 8;
  const rows: Row[] = [
    {
      height: headingH + 6,
      draw: (y) => {
        doc.moveTo(left, y).lineTo(right, y).lineWidth(0.6).strokeColor(colour.rule).stroke();
        text(doc, fontNames.bold, heading, colour.accent, labels.signature, left, y + 8, { width });
      },
    },
    ...signatureRows(ctx),
  ];
  return {
    height: rows.reduce((sum, r) => sum + r.height, 0) + 4,
    draw: () => {
      doc.y += 4;
      placeTogether(doc, rows);
    },
  };
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
