import { err, ok, type Result } from '../../../shared/contract/result';
import { say } from '../../../shared/messages';
import { stableDocument } from '../../pdf/document';
import { hasGlyph, loadFonts, type Fonts } from '../../pdf/fonts';
import { formatDateOfBirth, formatShortDay, shortRecordId } from '../../pdf/format';
import { drawClinicLetterhead } from '../../pdf/letterhead';
import { colour, drawText, fontNames, margins, pageSize } from '../../pdf/page';
import { summaryLabels, type SummaryLabels } from './labels';
import type { SummaryInput } from './types';

/**
 * The one-page alliance summary (issue 11 item 7): the patient's goals, homecare plan and
 * adherence, check-in scores by theme and the last follow-up contacts. Pure: data in
 * (clock, clinic and record resolved by the caller), bytes out, the same bytes for the
 * same input (main/pdf/document.ts).
 *
 * One page, always: each list is measured at the most it may show; while the page is too
 * short, lists give up their oldest rows in a fixed order (contacts first, goals last,
 * each keeping a few), then rows the page can spare are given back, and the page says how
 * many each left out. Every piece of the record's text is held to a fixed number of
 * lines, so a long goal or note cannot push the page over either.
 */
export async function renderAllianceSummary(input: SummaryInput, fontsDir: string): Promise<Result<Buffer>> {
  const fonts = await loadFonts(fontsDir);
  if (!fonts.ok) return fonts;
  try {
    return ok(await draw(input, fonts.value));
  } catch (e) {
    return err('internal', say('followups.summaryFailed', { reason: e instanceof Error ? e.message : String(e) }));
  }
}

type Doc = PDFKit.PDFDocument;
interface Block {
  height: number;
  draw: (y: number) => void;
}

const left: number = margins.left;
const right: number = pageSize.width - margins.right;
const width = right - left;
const footerTop = pageSize.height - 50;
const bottomLimit = pageSize.height - margins.bottom;
const low = '#a4372a';
const older = '#8fb5bd';

/** The most each list shows, before the page's room is measured. */
export const limits = { goals: 4, adherence: 6, checkins: 4, themes: 10, contacts: 8 } as const;
/** What a list keeps while others still have rows to give up. */
const floors = { goals: 1, adherence: 2, checkins: 2, themes: 4, contacts: 2 } as const;
type Counts = Record<keyof typeof limits, number>;

/**
 * Characters the embedded font has no glyph for would print as empty boxes; they are
 * shown as U+FFFD instead and the page says so (the record keeps them as typed). Line
 * breaks become spaces: every piece of text here is held to a few lines.
 */
function printer(fonts: Fonts) {
  const has = (cp: number) => hasGlyph(fonts.regular, cp) && hasGlyph(fonts.bold, cp);
  let replaced = false;
  const clean = (s: string) => {
    let out = '';
    for (const ch of s.replace(/\s*\n\s*/g, ' ')) {
      const cp = ch.codePointAt(0)!;
      if ((cp >= 0x20 && cp < 0x7f) || has(cp)) out += ch;
      else {
        out += '\uFFFD';
        replaced = true;
      }
    }
    return out.trim();
  };
  return { clean, replaced: () => replaced };
}

function draw(input: SummaryInput, fonts: Fonts): Promise<Buffer> {
  const words = summaryLabels(input.locale);
  const { doc, done } = stableDocument(
    { documentId: input.documentId, createdAt: input.createdAt, locale: input.locale, title: `${words.title}: ${input.patient.fullName}`, author: input.clinic.name, subject: words.title },
    fonts,
  );
  const { clean, replaced } = printer(fonts);
  const day = (iso: string) => formatShortDay(iso, input.locale, input.timeZone);
  const t = layoutKit(doc);

  drawClinicLetterhead(doc, { ...input.clinic, name: clean(input.clinic.name), addressLines: input.clinic.addressLines.map(clean) }, input.logo);
  const made = words.madeOn(day(input.createdAt));
  // The title on the left, the day it was made level with it on the right.
  const titleY = doc.y;
  drawText(doc, fontNames.bold, 16, colour.text, words.title, left, titleY, { width: width - 150, lineBreak: false });
  drawText(doc, fontNames.regular, 9, colour.muted, made, right - 150, titleY + 6, { width: 150, align: 'right', lineBreak: false });
  doc.y = titleY + 26;
  patientBox(t, words, clean, input);

  const sections = buildSections({ input, words, t, clean, day });
  // At most each list's limit; the page's room decides the rest.
  const caps: Counts = {
    goals: Math.min(input.goals.length, limits.goals),
    adherence: Math.min(input.plan?.adherence.length ?? 0, limits.adherence),
    checkins: Math.min(input.checkins.length, limits.checkins),
    themes: Math.min(input.checkins[0]?.scores.length ?? 0, limits.themes),
    contacts: Math.min(input.contacts.length, limits.contacts),
  };
  const counts = { ...caps };
  const top = doc.y;
  // Every text was cleaned as the sections were laid out: whether the page ends with the note on replaced characters is known.
  const room = bottomLimit - top - (replaced() ? t.measure(fontNames.regular, 8, words.replaced, width) + 6 : 0);
  const total = () => sections.reduce((sum, s) => sum + s(counts).height, 0);
  // Rows given up in this order: the oldest contacts, adherence answers, check-ins, themes, goals.
  const order: Array<keyof Counts> = ['contacts', 'adherence', 'checkins', 'themes', 'goals'];
  while (total() > room) {
    const next = order.find((k) => counts[k] > floors[k]) ?? order.find((k) => counts[k] > 1);
    if (!next) break;
    counts[next] -= 1;
  }
  // A row given up may have freed more room than was missing: give rows back, goals first, while they fit.
  for (const k of [...order].reverse()) {
    while (counts[k] < caps[k]) {
      counts[k] += 1;
      if (total() <= room) continue;
      counts[k] -= 1;
      break;
    }
  }
  let y = top;
  for (const section of sections) {
    const block = section(counts);
    block.draw(y);
    y += block.height;
  }
  if (replaced()) drawText(doc, fontNames.regular, 8, colour.muted, words.replaced, left, y + 2, { width });
  footer(t, words, input, made);
  doc.end();
  return done;
}

function layoutKit(doc: Doc) {
  const measure = (font: string, size: number, s: string, w: number) => doc.font(font).fontSize(size).heightOfString(s || ' ', { width: w });
  /** Text held to `lines` lines, its last one ending in "…" when cut; measured as drawn. */
  const clamp = (font: string, size: number, full: string, w: number, lines: number, fill: string = colour.text) => {
    // Past what `lines` lines could hold even in DejaVu's narrowest glyphs (over a fifth of
    // an em), text is never seen: laying out a 2,000-character note to show one line of it
    // was most of a long record's render (measured: tests/bench/alliance-summary.bench.ts).
    const most = Math.ceil((lines * w) / (size * 0.2));
    const s = full.length > most ? full.slice(0, most) : full;
    const one = measure(font, size, 'Ag', w);
    const height = Math.min(measure(font, size, s, w), one * lines);
    return {
      height,
      draw: (x: number, y: number) => drawText(doc, font, size, fill, s, x, y, { width: w, height: height + 0.5, ellipsis: true }),
    };
  };
  const rule = (y: number, x0 = left, x1 = right) => doc.moveTo(x0, y).lineTo(x1, y).lineWidth(0.5).strokeColor(colour.rule).stroke();
  return { doc, measure, clamp, rule };
}
type Kit = ReturnType<typeof layoutKit>;

function patientBox(t: Kit, words: SummaryLabels, clean: (s: string) => string, input: SummaryInput) {
  const { doc } = t;
  const y = doc.y;
  const h = 38;
  const cols = [{ w: 260, label: words.name, value: clean(input.patient.fullName), bold: true }, { w: 140, label: words.dateOfBirth, value: formatDateOfBirth(input.patient.dateOfBirth, input.locale) || words.none }, { w: 80, label: words.record, value: shortRecordId(input.patient.recordId) }];
  doc.roundedRect(left, y, width, h, 4).fillColor(colour.fill).fill();
  doc.rect(left, y, 3, h).fillColor(colour.accent).fill();
  let x = left + 14;
  for (const c of cols) {
    drawText(doc, fontNames.regular, 8, colour.muted, c.label, x, y + 6, { width: c.w, lineBreak: false });
    t.clamp(c.bold ? fontNames.bold : fontNames.regular, c.bold ? 11.5 : 10, c.value, c.w - 10, 1).draw(x, y + 17);
    x += c.w;
  }
  doc.x = left;
  doc.y = y + h + 12;
}

function heading(t: Kit, title: string): Block {
  const { doc } = t;
  return {
    height: 19,
    draw: (y) => {
      drawText(doc, fontNames.bold, 11, colour.accent, title, left, y, { width, lineBreak: false });
      t.rule(y + 14);
    },
  };
}

/** Blocks one under the other, as one. */
function stack(blocks: Block[], gapAfter = 10): Block {
  return {
    height: blocks.reduce((sum, b) => sum + b.height, 0) + gapAfter,
    draw: (y) => {
      for (const b of blocks) {
        b.draw(y);
        y += b.height;
      }
    },
  };
}

/** A section with no list: the same block whatever the counts. */
const always = (block: Block) => () => block;

/** A muted line of text: a note, a count of what is left out. */
function muted(t: Kit, s: string, x = left, w = width, gapBefore = 2, lines = 2): Block {
  const c = t.clamp(fontNames.regular, 8, s, w, lines, colour.muted);
  return { height: c.height + gapBefore, draw: (y) => c.draw(x, y + gapBefore) };
}

/** A table's column labels, in capitals, over a rule as wide as the columns. */
function columnHeads(t: Kit, cols: Array<{ w: number; label: string }>, x0: number): Block {
  return {
    height: 13,
    draw: (y) => {
      let x = x0;
      for (const c of cols) {
        drawText(t.doc, fontNames.bold, 7.5, colour.muted, c.label.toUpperCase(), x, y, { width: c.w - 6, lineBreak: false, height: 9, ellipsis: true });
        x += c.w;
      }
      t.rule(y + 10, x0, x);
    },
  };
}

/** What each section needs: the record, the words, the kit, how text is cleaned and days are written. */
interface Ctx {
  input: SummaryInput;
  words: SummaryLabels;
  t: Kit;
  clean: (s: string) => string;
  day: (iso: string) => string;
}

/**
 * Each section's rows are laid out once, as many as its list's limit; a section is then put
 * together from the first rows the counts allow, and kept for the same counts while the page is fitted.
 */
function buildSections(c: Ctx): Array<(n: Counts) => Block> {
  const kept = (make: (n: Counts) => Block, key: (n: Counts) => string) => {
    const made = new Map<string, Block>();
    return (n: Counts) => {
      const k = key(n);
      let block = made.get(k);
      if (!block) made.set(k, (block = make(n)));
      return block;
    };
  };
  return [
    kept(goalsSection(c), (n) => `${n.goals}`),
    kept(planSection(c), (n) => `${n.adherence}`),
    kept(checkinSection(c), (n) => `${n.checkins} ${n.themes}`),
    kept(contactSection(c), (n) => `${n.contacts}`),
  ];
}

function goalsSection({ input, words, t, clean, day }: Ctx): (n: Counts) => Block {
  const { doc } = t;
  if (input.goals.length === 0) return always(stack([heading(t, words.goals), muted(t, words.noGoals, left, width, 0)]));
  const tagW = 58;
  const x = left + tagW + 8;
  const w = right - x;
  const rows = input.goals.slice(0, limits.goals).map((g): Block => {
    const text = t.clamp(fontNames.bold, 9.5, clean(g.words), w, 2);
    const meta = [words.setOn(day(g.setOn)), g.targetDate ? words.target(day(g.targetDate)) : ''].filter(Boolean).join(' · ');
    const lines = [
      t.clamp(fontNames.regular, 8, meta, w, 1, colour.muted),
      ...(g.patientCommits.trim() ? [t.clamp(fontNames.regular, 8.5, words.labelled(words.patientCommits, clean(g.patientCommits)), w, 1)] : []),
      ...(g.therapistCommits.trim() ? [t.clamp(fontNames.regular, 8.5, words.labelled(words.therapistCommits, clean(g.therapistCommits)), w, 1)] : []),
    ];
    return {
      height: text.height + lines.reduce((sum, l) => sum + l.height + 1, 0) + 6,
      draw: (y) => {
        const active = g.status === 'active';
        doc.roundedRect(left, y + 0.5, tagW, 12, 3).fillColor(active ? colour.accent : colour.fill).fill();
        drawText(doc, fontNames.bold, 7.5, active ? '#ffffff' : colour.muted, words.goalStatus[g.status] ?? g.status, left, y + 3, { width: tagW, align: 'center', lineBreak: false });
        text.draw(x, y);
        let at = y + text.height + 1;
        for (const l of lines) {
          l.draw(x, at);
          at += l.height + 1;
        }
      },
    };
  });
  return ({ goals: count }) => {
    const leftOut = input.goals.length - count;
    return stack([heading(t, words.goals), ...rows.slice(0, count), ...(leftOut > 0 ? [muted(t, words.moreGoals(leftOut), left, width, 0)] : [])]);
  };
}

function planSection({ input, words, t, clean, day }: Ctx): (n: Counts) => Block {
  const { doc } = t;
  const plan = input.plan;
  const earlierPlans = input.earlierPlans > 0 ? [muted(t, words.earlierPlans(input.earlierPlans))] : [];
  if (!plan) return always(stack([heading(t, words.plan), muted(t, words.noPlan, left, width, 0), ...earlierPlans]));
  const given = t.clamp(fontNames.regular, 8.5, words.givenBy(day(plan.givenOn), clean(plan.givenBy)), width, 1, colour.muted);
  // The items on the left, what the patient said about doing them on the right.
  const itemsW = 308;
  const cols = [{ w: 150, label: words.what }, { w: 84, label: words.howOften }, { w: itemsW - 234, label: words.howLong }];
  const items: Block[] = plan.items.map((item) => {
    const cells = [item.what, item.howOften, item.howLong].map((s, i) => t.clamp(fontNames.regular, 8.5, clean(s), cols[i].w - 6, 1));
    return {
      height: Math.max(...cells.map((c) => c.height)) + 3,
      draw: (y) => {
        let x = left;
        cells.forEach((c, i) => {
          c.draw(x, y);
          x += cols[i].w;
        });
      },
    };
  });
  const note = plan.note.trim() ? [muted(t, words.labelled(words.note, clean(plan.note)), left, itemsW, 2)] : [];
  const leftCol = stack([columnHeads(t, cols, left), ...items, ...note], 0);

  const ax = left + itemsW + 16;
  const aw = right - ax;
  const levelW = 84;
  const answers: Block[] = plan.adherence.slice(0, limits.adherence).map((a) => {
    const why = [...a.barriers.map((b) => words.barrier[b] ?? b), clean(a.barrierNote)].filter(Boolean).join(', ');
    const whyLine = why ? t.clamp(fontNames.regular, 7.5, why, aw, 1, colour.muted) : null;
    return {
      height: 11 + (whyLine ? whyLine.height : 0) + 2,
      draw: (y) => {
        drawText(doc, fontNames.regular, 8.5, colour.text, day(a.at), ax, y, { width: aw - levelW, lineBreak: false });
        drawText(doc, fontNames.bold, 8.5, a.level === 'none' || a.level === 'some' ? low : colour.accent, words.level[a.level] ?? a.level, right - levelW, y, { width: levelW, align: 'right', lineBreak: false });
        whyLine?.draw(ax, y + 11);
      },
    };
  });
  const notAsked = answers.length ? [] : [muted(t, words.noAdherence, ax, aw, 0)];
  const givenLine: Block = { height: given.height + 4, draw: (y) => given.draw(left, y) };
  return ({ adherence: count }) => {
    const leftOut = plan.adherence.length - count;
    const rightCol = stack(
      [
        columnHeads(t, [{ w: aw, label: words.adherence }], ax),
        ...answers.slice(0, count),
        ...notAsked,
        ...(leftOut > 0 ? [muted(t, words.earlier(leftOut), ax, aw, 0)] : []),
      ],
      0,
    );
    const columns: Block = {
      height: Math.max(leftCol.height, rightCol.height),
      draw: (y) => {
        leftCol.draw(y);
        rightCol.draw(y);
      },
    };
    return stack([heading(t, words.plan), givenLine, columns, ...earlierPlans]);
  };
}

/** Theme by theme, a bar per check-in (oldest on the left), its score beside it: a chart that also reads as a table. */
function checkinSection({ input, words, t, day }: Ctx): (n: Counts) => Block {
  const { doc } = t;
  if (input.checkins.length === 0) return always(stack([heading(t, words.checkins), muted(t, words.noCheckins, left, width, 0)]));
  const labelW = 140;
  const rowH = 14;
  const newest = input.checkins[0].scores;
  const labels = newest.slice(0, limits.themes).map((theme) => t.clamp(fontNames.regular, 8.5, theme.label, labelW - 8, 1));
  const source = input.checkinSource ? (input.checkinSource.validated ? words.validated : words.notValidated)(input.checkinSource.title, input.checkinSource.version) : '';
  const scale = muted(t, [words.scale, source].filter(Boolean).join(' '), left, width, 3, 3);
  // One formatter for every score: making one is most of the cost of formatting a number.
  const score = new Intl.NumberFormat(input.locale, { maximumFractionDigits: 2 });
  return ({ checkins: count, themes: themeCount }) => {
    const shown = input.checkins.slice(0, count).reverse();
    const themes = newest.slice(0, themeCount);
    const colW = (width - labelW) / Math.max(shown.length, 1);
    const trackW = colW - 40;
    const head: Block = {
      height: 13,
      draw: (y) => {
        drawText(doc, fontNames.bold, 7.5, colour.muted, words.theme.toUpperCase(), left, y, { width: labelW - 8, lineBreak: false });
        shown.forEach((c, i) => drawText(doc, fontNames.bold, 7.5, colour.muted, day(c.takenAt), left + labelW + i * colW, y, { width: colW - 6, lineBreak: false, height: 9, ellipsis: true }));
        t.rule(y + 10);
      },
    };
    const rows: Block[] = themes.map((theme, k) => ({
      height: rowH,
      draw: (y) => {
        labels[k].draw(left, y + 1.5);
        shown.forEach((c, i) => {
          const s = c.scores.find((x) => x.theme === theme.theme);
          const x = left + labelW + i * colW;
          doc.rect(x, y + 3, trackW, 7).fillColor(colour.fill).fill();
          if (!s) return drawText(doc, fontNames.regular, 8.5, colour.muted, words.none, x + trackW + 4, y + 1.5, { width: 34, lineBreak: false });
          const share = s.max > s.min ? Math.min(1, Math.max(0, (s.score - s.min) / (s.max - s.min))) : 0;
          const latest = i === shown.length - 1;
          doc.rect(x, y + 3, Math.max(1.5, trackW * share), 7).fillColor(s.low ? low : latest ? colour.accent : older).fill();
          const value = `${score.format(s.score)}${s.low ? ` ${words.lowMark}` : ''}`;
          drawText(doc, s.low || latest ? fontNames.bold : fontNames.regular, 8.5, s.low ? low : colour.text, value, x + trackW + 4, y + 1.5, { width: 34, lineBreak: false });
        });
      },
    }));
    const moreThemes = newest.length - themes.length;
    const leftOut = input.checkinsTotal - shown.length;
    return stack([
      heading(t, words.checkins),
      head,
      ...rows,
      ...(moreThemes > 0 ? [muted(t, words.moreThemes(moreThemes), left, width, 0)] : []),
      ...(leftOut > 0 ? [muted(t, words.earlier(leftOut), left, width, 0)] : []),
      scale,
    ]);
  };
}

function contactSection({ input, words, t, clean, day }: Ctx): (n: Counts) => Block {
  if (input.contacts.length === 0) return always(stack([heading(t, words.contacts), muted(t, words.noContacts, left, width, 0)], 0));
  const cols = [{ w: 68, label: words.day }, { w: 104, label: words.followUp }, { w: 124, label: words.outcome }, { w: 104, label: words.by }, { w: width - 400, label: words.note }];
  const rows: Block[] = input.contacts.slice(0, limits.contacts).map((a) => {
    const outcome = `${words.outcomeName[a.outcome] ?? a.outcome} (${words.channel[a.channel] ?? a.channel})`;
    const cells = [day(a.at), words.kind[a.kind] ?? a.kind, outcome, clean(a.by) || words.none, clean(a.note)].map((s, i) => t.clamp(fontNames.regular, 8.5, s, cols[i].w - 6, 1, i === 4 ? colour.muted : colour.text));
    return {
      height: 12.5,
      draw: (y) => {
        let x = left;
        cells.forEach((c, i) => {
          c.draw(x, y);
          x += cols[i].w;
        });
      },
    };
  });
  return ({ contacts: count }) => {
    const shown = rows.slice(0, count);
    const leftOut = input.contactsTotal - shown.length;
    return stack([heading(t, words.contacts), columnHeads(t, cols, left), ...shown, ...(leftOut > 0 ? [muted(t, words.earlier(leftOut), left, width, 0)] : [])], 0);
  };
}

/** Written below the bottom margin, which is lifted meanwhile or pdfkit would start a second page. */
function footer(t: Kit, words: SummaryLabels, input: SummaryInput, made: string) {
  const { doc } = t;
  const saved = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  t.rule(footerTop);
  const one = { lineBreak: false, height: 10, ellipsis: true } as const;
  drawText(doc, fontNames.regular, 8, colour.muted, `${words.title}  ·  ${made}`, left, footerTop + 7, { ...one, width: width - 90 });
  drawText(doc, fontNames.regular, 8, colour.muted, words.pageOne, right - 90, footerTop + 7, { ...one, width: 90, align: 'right' });
  drawText(doc, fontNames.regular, 8, colour.muted, words.document(input.documentId), left, footerTop + 19, { ...one, width });
  doc.page.margins.bottom = saved;
}
