import type { PreparedImage } from '../../images/prepare';
import type { Letterhead } from '../../pdf/letterhead';
import type { PdfLocale } from '../../pdf/format';
import type { Goal, Plan } from '../../../shared/contract/followups';

/**
 * Everything the alliance summary prints, already read from the record (data.ts): the
 * layout makes no decision about the patient, it only chooses how much fits on a page.
 * Lists come newest first; the layout takes from the front and counts what it leaves.
 */
export interface SummaryInput {
  /** The summary's own id: its row, its file name, the PDF's /ID. */
  documentId: string;
  /** ISO UTC: when it was made, printed and fixed in the PDF, so the same input gives the same bytes. */
  createdAt: string;
  locale: PdfLocale;
  /** IANA zone: days are the clinic's. */
  timeZone: string;
  clinic: Letterhead;
  /** Decoded and flattened already (main/pdf/letterhead.ts preparedLogo), or none. */
  logo: PreparedImage | null;
  patient: { fullName: string; dateOfBirth: string; recordId: string };
  /** Active ones first, then the rest, each group newest first. */
  goals: Array<Pick<Goal, 'words' | 'patientCommits' | 'therapistCommits' | 'status' | 'setOn' | 'targetDate'>>;
  /** The current homecare plan, its adherence newest first; null when none was given or the last was superseded by none. */
  plan: (Pick<Plan, 'items' | 'note' | 'givenOn' | 'givenBy'> & { adherence: Array<Pick<Plan['adherence'][number], 'level' | 'barriers' | 'barrierNote' | 'at'>> }) | null;
  /** Plans given before the current one. */
  earlierPlans: number;
  /** Check-ins newest first, each theme scored with the range its questionnaire version allows. */
  checkins: Array<{ takenAt: string; scores: Array<{ theme: string; label: string; score: number; min: number; max: number; low: boolean }> }>;
  /** Check-ins taken in all (the list holds the latest few). */
  checkinsTotal: number;
  /** Where the check-in's wording comes from, and whether it is a validated instrument (ours is not). */
  checkinSource: { title: string; version: number; validated: boolean } | null;
  /** Contact attempts on follow-ups, newest first, and how many there are in all. */
  contacts: Array<{ at: string; kind: string; channel: string; outcome: string; by: string; note: string }>;
  contactsTotal: number;
}
