import { isPng } from '../../images/magic';
import type { PreparedImage } from '../../images/prepare';
import { preparedLogo } from '../../pdf/letterhead';
import { isIsoInstant, isValidTimeZone } from '../../pdf/format';
import type { ConsentPdfInput } from './types';

/** The images as the PDF will embed them, decoded and checked. */
export interface CheckedImages {
  logo: PreparedImage | null;
  signature: PreparedImage | null;
}

export type Checked = { ok: true; images: CheckedImages } | { ok: false; fields: Record<string, string> };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';

/**
 * Every problem at once, keyed by the input's field path, so the caller can answer
 * `{ code: 'invalid_input', fields }` and the screen can point at each one.
 */
export function checkConsentPdfInput(input: ConsentPdfInput): Checked {
  const fields: Record<string, string> = {};
  const images: CheckedImages = { logo: null, signature: null };

  if (!uuid.test(input.documentId)) fields.documentId = 'The document id must be a UUID';
  if (!isIsoInstant(input.createdAt)) fields.createdAt = 'The creation time must be an ISO 8601 timestamp';
  if (input.locale !== 'en-CA' && input.locale !== 'fr-CA') fields.locale = 'The language must be en-CA or fr-CA';
  if (!isValidTimeZone(input.timeZone)) fields.timeZone = `Unknown time zone "${input.timeZone}"`;
  if (blank(input.clinic.name)) fields['clinic.name'] = 'The clinic name is missing (Settings › Clinic)';
  if (blank(input.patient.fullName)) fields['patient.fullName'] = 'The patient’s name is missing';
  if (blank(input.template.name)) fields['template.name'] = 'The template name is missing';
  if (blank(input.template.title)) fields['template.title'] = 'The form title is missing';
  if (!Number.isInteger(input.template.version) || input.template.version < 1) {
    fields['template.version'] = 'The template version must be a whole number from 1';
  }

  const logo = input.clinic.logo;
  if (logo) {
    const seen = preparedLogo(logo.bytes);
    if (!seen.ok) fields['clinic.logo'] = `The clinic logo cannot be used: ${seen.reason}`;
    else if ((logo.type === 'png') !== isPng(logo.bytes)) fields['clinic.logo'] = `The clinic logo is labelled ${logo.type.toUpperCase()} but is not one`;
    else images.logo = seen.image;
  }

  const sig = input.signature;
  switch (sig.method) {
    case 'screen': {
      // Checked and decoded already, once, by checkSignaturePng (consent/signature.ts).
      images.signature = sig.image;
      if (blank(sig.signerName)) fields['signature.signerName'] = 'Enter the name of the person who signed';
      if (!isIsoInstant(sig.signedAt)) fields['signature.signedAt'] = 'The signing time must be an ISO 8601 timestamp';
      break;
    }
    case 'paper':
      if (blank(sig.seenBy)) fields['signature.seenBy'] = 'Enter the staff member who saw the paper signature';
      if (!isIsoInstant(sig.signedAt)) fields['signature.signedAt'] = 'The signing time must be an ISO 8601 timestamp';
      break;
    case 'verbal':
      if (blank(sig.recordedBy)) fields['signature.recordedBy'] = 'Enter the staff member who recorded the verbal consent';
      if (!isIsoInstant(sig.signedAt)) fields['signature.signedAt'] = 'The time of the verbal consent must be an ISO 8601 timestamp';
      break;
    case 'paper-blank':
      break;
    default:
      fields['signature.method'] = 'Unknown signature method';
  }
  // A form printed for signing may be explained at the desk afterwards (a line is left
  // for it); a recorded consent must say who explained it (CMTBC).
  if (sig.method !== 'paper-blank' && blank(input.explainedBy)) {
    fields.explainedBy = 'Enter who explained the form to the patient';
  }

  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, images };
}
