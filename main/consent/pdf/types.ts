import type { PreparedImage } from '../../images/prepare';

/**
 * What the consent PDF needs, already resolved by the consent service: template text
 * with placeholders filled, the clinic profile, the patient's identifiers and how the
 * form was signed. The renderer of the PDF makes no decisions about consent itself.
 */
export interface ConsentPdfInput {
  /** The consent record's UUID; printed in the footer and used as the PDF /ID. */
  documentId: string;
  /** ISO UTC; the PDF CreationDate/ModDate, fixed from the record so the same record gives the same bytes. */
  createdAt: string;
  locale: 'en-CA' | 'fr-CA';
  /** IANA zone; the signed date and time are printed in the clinic's zone. */
  timeZone: string;
  clinic: {
    name: string;
    addressLines: string[];
    phone: string;
    email: string;
    logo: { bytes: Buffer; type: 'png' | 'jpeg' } | null;
  };
  patient: { fullName: string; preferredName: string; dateOfBirth: string; phone: string; recordId: string };
  /** Text already final (placeholders filled). */
  template: { name: string; version: number; title: string; sections: Array<{ heading: string; paragraphs: string[] }> };
  /** For example group 'Areas', label 'Gluteal region', checked true; drawn as real boxes with a drawn tick. */
  choices: Array<{ group: string; label: string; checked: boolean }>;
  /** `onBehalf`: a substitute decision-maker signed ("Parent, signing for …"), printed beside the signature. */
  signature:
    /** The drawn signature as checkSignaturePng passed it: decoded, checked for ink, flattened onto white. */
    | { method: 'screen'; image: PreparedImage; signerName: string; signedAt: string; onBehalf?: string }
    /** Printed for signing on paper: a blank signature line, name and date lines. */
    | { method: 'paper-blank' }
    /** Re-render of a paper-signed record: states 'Signed on paper, seen by …'. */
    | { method: 'paper'; signedAt: string; seenBy: string; onBehalf?: string }
    | { method: 'verbal'; signedAt: string; recordedBy: string };
  /** Who explained the form: a signed form does not replace the conversation (CMTBC). */
  explainedBy: string;
  witnessedBy: string | null;
}

export type ConsentLocale = ConsentPdfInput['locale'];

/** Where the renderer finds what it reads from disk. */
export interface ConsentPdfDeps {
  /** A folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf (resources/fonts in the app). */
  fontsDir: string;
}
