import type { Knex } from 'knex';
import { err, ok, type Result } from '../../../shared/contract/result';
import { formLocaleFor } from '../../../shared/consent/needs';
import type { ClinicProfile } from '../../../shared/contract/settings';
import { say } from '../../../shared/messages';
import { appendAudit } from '../../audit/log';
import { currentActor } from '../../audit/actor';
import type { DocumentStore } from '../../consent/documents';
import { clinicLines } from '../../consent/snapshot';
import { sha256 } from '../../pdf/hash';
import { preparedLogo } from '../../pdf/letterhead';
import { livePatient, type CareService } from '../care';
import { currentPlan, orderGoals, recentCheckins, recentContacts } from './data';
import { renderAllianceSummary } from './render';

export interface SummaryDeps {
  db: Knex;
  now: () => Date;
  newId: () => string;
  documents: DocumentStore;
  fontsDir: string;
  care: CareService;
  profile: () => Omit<ClinicProfile, 'logo'>;
  logo: () => Promise<{ bytes: Buffer; type: 'png' | 'jpeg' } | null | 'missing'>;
}

export const summaryFile = (id: string) => `alliance-summary-${id}.pdf`;

export interface MadeSummary {
  summaryId: string;
  fileName: string;
  path: string;
  sha256: string;
}

/**
 * Makes a patient's alliance summary, keeps it in the documents folder with its hash
 * (written whole before the row commits: a failure leaves neither), and audits who made
 * which patient's summary. The summary is in the patient's language when the record
 * says English or French, else the clinic's: it is a record of what was agreed with the
 * patient, and may be handed to them (issue 11 item 7).
 */
export function createSummaryService(deps: SummaryDeps) {
  const { db, now, newId, documents, care } = deps;

  /** `then`: what the desk does with it next, kept in the audit entry. */
  async function make(patientId: string, then: 'open' | 'print' = 'open'): Promise<Result<MadeSummary>> {
    const profile = deps.profile();
    if (!profile.name.trim()) return err('invalid_input', say('followups.summaryClinicName'), { clinic: say('consent.clinicNoName') });
    const logo = await deps.logo();
    if (logo === 'missing') return err('invalid_input', say('consent.logoMissing'), { logo: say('consent.logoFileMissing') });
    const prepared = logo ? preparedLogo(logo.bytes) : null;
    if (prepared && !prepared.ok) return err('invalid_input', say('followups.summaryLogo'), { logo: say('followups.summaryLogoField') });

    const live = await livePatient(db, patientId);
    if (!live.ok) return live;
    const patient = (await db('patients').where({ id: patientId }).first('first_name', 'last_name', 'date_of_birth', 'language')) as { first_name: string; last_name: string; date_of_birth: string; language: string };
    const locale = formLocaleFor(patient.language, profile.locale);
    const [goals, plans] = await Promise.all([care.goals({ patientId }), care.plans({ patientId })]);
    const id = newId();
    const at = now().toISOString();
    const pdf = await renderAllianceSummary(
      {
        documentId: id,
        createdAt: at,
        locale,
        timeZone: profile.timeZone,
        clinic: { name: profile.name, addressLines: clinicLines(profile), phone: profile.phone, email: profile.email },
        logo: prepared?.ok ? prepared.image : null,
        patient: { fullName: `${patient.first_name} ${patient.last_name}`, dateOfBirth: patient.date_of_birth, recordId: patientId },
        goals: orderGoals(goals.value.goals),
        ...currentPlan(plans.value),
        ...(await recentCheckins(db, patientId, locale)),
        ...(await recentContacts(db, patientId)),
      },
      deps.fontsDir,
    );
    if (!pdf.ok) return pdf;
    const hash = sha256(pdf.value);
    // Read and drawn outside the transaction, which holds the clinic's one write lock: only
    // the keeping is inside, after the patient is checked again (archived meanwhile: nothing kept).
    return db.transaction(async (trx): Promise<Result<MadeSummary>> => {
      const still = await livePatient(trx, patientId);
      if (!still.ok) return still;
      const file = await documents.write(summaryFile(id), pdf.value);
      await trx('alliance_summaries').insert({ id, patient_id: patientId, locale, sha256: hash, made_by: currentActor(), made_at: at });
      // Ids only: the summary itself is health information.
      await appendAudit(trx, newId, { at, action: 'alliance_summary.made', entity: 'patient', entityId: patientId, detail: { summaryId: id, then } });
      return ok({ summaryId: id, fileName: summaryFile(id), path: file, sha256: hash });
    });
  }

  return { make };
}

export type SummaryService = ReturnType<typeof createSummaryService>;
