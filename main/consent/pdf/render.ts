import { err, ok, type Result } from '../../../shared/contract/result';
import { loadFonts, type Fonts } from '../../pdf/fonts';
import { stableDocument } from '../../pdf/document';
import { checkPrintable } from './glyphs';
import { labelsFor } from './labels';
import {
  drawChoices,
  drawLetterhead,
  drawPageFurniture,
  drawPatientBox,
  drawSections,
  drawTitle,
  signatureBlock,
  type LayoutContext,
} from './layout';
import type { ConsentPdfDeps, ConsentPdfInput } from './types';
import { checkConsentPdfInput, type CheckedImages } from './validate';
import { say } from '../../../shared/messages';

export type { ConsentPdfInput, ConsentPdfDeps } from './types';

/**
 * The consent record as a PDF. The same input always gives the same bytes, so the
 * SHA-256 kept in the database can prove later that a stored file is the one made
 * (issue 3). Errors come back as data: `invalid_input` with one message per field
 * (including any text the embedded font cannot print, glyphs.ts), or `internal` when
 * the app's own files (the fonts) are missing.
 */
export async function renderConsentPdf(input: ConsentPdfInput, deps: ConsentPdfDeps): Promise<Result<Buffer>> {
  const ready = await check(input, deps);
  if (!ready.ok) return ready;
  try {
    return ok(await draw(input, ready.value.fonts, ready.value.images));
  } catch (e) {
    return err('internal', say('consent.pdfFailed', { reason: e instanceof Error ? e.message : String(e) }));
  }
}

/**
 * Whether the PDF can be made, with the same answer renderConsentPdf would give, found
 * without drawing it (entering patient mode asks this of every form it will show).
 */
export async function checkConsentPdf(input: ConsentPdfInput, deps: ConsentPdfDeps): Promise<Result<null>> {
  const ready = await check(input, deps);
  return ready.ok ? ok(null) : ready;
}

async function check(input: ConsentPdfInput, deps: ConsentPdfDeps): Promise<Result<{ fonts: Fonts; images: CheckedImages }>> {
  const checked = checkConsentPdfInput(input);
  const fonts = await loadFonts(deps.fontsDir);
  // Every problem at once; a field already refused (a blank name) keeps that message.
  const fields: Record<string, string> = { ...(checked.ok ? {} : checked.fields) };
  if (fonts.ok) for (const [field, message] of Object.entries(checkPrintable(input, fonts.value))) fields[field] ??= message;
  if (!checked.ok || Object.keys(fields).length > 0) {
    const first = Object.values(fields)[0];
    return err('invalid_input', say('consent.pdfRefused', { reason: first }), fields);
  }
  if (!fonts.ok) return fonts;
  return ok({ fonts: fonts.value, images: checked.images });
}

function draw(input: ConsentPdfInput, fonts: Fonts, images: CheckedImages): Promise<Buffer> {
  const { doc, done } = stableDocument(
    {
      documentId: input.documentId,
      createdAt: input.createdAt,
      locale: input.locale,
      title: input.template.title,
      author: input.clinic.name,
      subject: `${input.template.name}, ${labelsFor(input.locale).version(input.template.version)}`,
    },
    fonts,
  );
  const parts = { doc, input, labels: labelsFor(input.locale), images };
  const signature = signatureBlock(parts);
  const ctx: LayoutContext = { ...parts, signatureHeight: signature.height };
  drawLetterhead(ctx);
  drawTitle(ctx);
  drawPatientBox(ctx);
  drawSections(ctx);
  drawChoices(ctx);
  signature.draw(doc.y);
  drawPageFurniture(ctx);
  doc.end();
  return done;
}
