import type { Knex } from 'knex';
import type { ParsedInput, Output } from '../../shared/contract';
import { err, ok, type Result } from '../../shared/contract/result';
import { consentKinds, type ConsentKind, type ConsentRecord, type SignerRelationship, type TemplateVersion } from '../../shared/contract/consent';
import type { Patient } from '../../shared/contract/patients';
import type { ClinicProfile, ConsentPolicy } from '../../shared/contract/settings';
import { appendAudit } from '../audit/log';
import type { DocumentStore } from './documents';
import { sha256 } from '../pdf/hash';
import type { ConsentPdfInput } from './pdf/types';
import { checkSignaturePng } from './signature';
import { isKind } from '../images/magic';
import { choiceRule, clinicLines, formContent, patientSnapshot, type ConsentSnapshot } from './snapshot';
import { consentStatus } from './status';
import { consentFacts } from './needs-forms';
import { dayIn, zonedNoon } from '../../shared/time';
import { formLocaleFor } from '../../shared/consent/needs';
import { signingFor } from '../../shared/consent/signer';
import { currentTemplates, saveTemplateVersion, templateVersions, toTemplate, type TemplateRow } from './templates';
import { say } from '../../shared/messages';

export interface ConsentDeps {
  db: Knex;
  now: () => Date;
  newId: () => string;
  documents: DocumentStore;
  getPatient: (id: string) => Promise<Patient | null>;
  /** The clinic profile (no logo: reading it is for the letterhead only). */
  profile: () => Omit<ClinicProfile, 'logo'>;
  /** The letterhead logo, read once per form; 'missing' when the logo file named in settings is gone. */
  logo: () => Promise<{ bytes: Buffer; type: 'png' | 'jpeg' } | null | 'missing'>;
  policy: () => ConsentPolicy;
  render: (input: ConsentPdfInput) => Promise<Result<Buffer>>;
  /** What render would refuse, found without drawing the PDF. */
  checkPdf: (input: ConsentPdfInput) => Promise<Result<unknown>>;
}

interface ConsentRow {
  id: string;
  patient_id: string;
  template_id: string;
  kind: ConsentKind;
  locale: 'en-CA' | 'fr-CA';
  choices: string;
  method: 'screen' | 'paper' | 'verbal';
  signer_name: string;
  signer_relationship: SignerRelationship;
  signed_at: string;
  explained_by: string;
  witnessed_by: string;
  recorded_at: string;
  snapshot: string;
  pdf_sha256: string;
  signature_sha256: string | null;
  scan_file: string | null;
  scan_sha256: string | null;
  withdrawn_at: string | null;
  withdrawn_reason: string;
  withdrawn_by: string;
}

const pdfName = (id: string) => `${id}.pdf`;
const signatureName = (id: string) => `${id}-signature.png`;
const scanExt = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' } as const;

/**
 * The line printed beside a substitute decision-maker's signature ("Parent, signing for
 * Zoë …"); on paper it names the signer too, since paper prints no name of its own.
 */
function behalfLine(locale: ConsentPdfInput['locale'], relationship: SignerRelationship, patientName: string, paperSigner?: string): string | undefined {
  if (relationship === 'self') return undefined;
  const line = signingFor(locale, relationship, patientName);
  return paperSigner ? `${paperSigner} — ${line}` : line;
}

function toRecord(row: ConsentRow, template: TemplateVersion): ConsentRecord {
  return {
    id: row.id,
    patientId: row.patient_id,
    kind: row.kind,
    templateId: row.template_id,
    templateVersion: template.version,
    templateName: template.locales[row.locale].name,
    locale: row.locale,
    choices: JSON.parse(row.choices),
    method: row.method,
    signerName: row.signer_name,
    signerRelationship: row.signer_relationship,
    signedAt: row.signed_at,
    explainedBy: row.explained_by,
    witnessedBy: row.witnessed_by,
    recordedAt: row.recorded_at,
    withdrawnAt: row.withdrawn_at,
    withdrawnReason: row.withdrawn_reason,
    withdrawnBy: row.withdrawn_by,
    pdfSha256: row.pdf_sha256,
    hasScan: row.scan_file !== null,
  };
}

/** Who explained (and saw signed) and who witnessed: names of staff accounts, filled in by main from the session. */
export interface StaffNames {
  explainedBy: string;
  witnessedBy: string;
}

export function createConsentService(deps: ConsentDeps) {
  const { db, now, newId, documents } = deps;

  /** Inside a transaction pass `trx`: the one connection is busy until it ends. */
  async function templateById(id: string, q: Knex | Knex.Transaction = db): Promise<TemplateVersion> {
    return toTemplate((await q('consent_templates').where({ id }).first()) as TemplateRow);
  }

  async function recordOf(row: ConsentRow): Promise<ConsentRecord> {
    return toRecord(row, await templateById(row.template_id));
  }

  /** The letterhead as of now; its logo is kept by content hash so old records keep theirs. */
  async function clinicSnapshot(): Promise<Result<{ snapshot: ConsentSnapshot['clinic']; logo: ConsentPdfInput['clinic']['logo']; timeZone: string }>> {
    const profile = deps.profile();
    if (!profile.name) return err('invalid_input', say('consent.clinicName'), { clinic: say('consent.clinicNoName') });
    const logo = await deps.logo();
    if (logo === 'missing') {
      return err('invalid_input', say('consent.logoMissing'), { logo: say('consent.logoFileMissing') });
    }
    let logoRef: ConsentSnapshot['clinic']['logo'] = null;
    if (logo) {
      const hash = sha256(logo.bytes);
      const file = `logo-${hash}.${logo.type === 'png' ? 'png' : 'jpg'}`;
      // Named by its hash and written whole, so a copy that exists is this logo: no need to read it back.
      if (!(await documents.exists(file))) await documents.write(file, logo.bytes);
      logoRef = { file, sha256: hash, type: logo.type };
    }
    return ok({
      snapshot: { name: profile.name, addressLines: clinicLines(profile), phone: profile.phone, email: profile.email, logo: logoRef },
      logo,
      timeZone: profile.timeZone,
    });
  }

  /** Everything the PDF needs from a snapshot, the exact template version and the signature. */
  function pdfInput(
    id: string,
    createdAt: string,
    template: TemplateVersion,
    locale: ConsentPdfInput['locale'],
    snapshot: ConsentSnapshot,
    logo: ConsentPdfInput['clinic']['logo'],
    choices: string[],
    signature: ConsentPdfInput['signature'],
    explainedBy: string,
    witnessedBy: string,
  ): ConsentPdfInput {
    return {
      documentId: id,
      createdAt,
      locale,
      timeZone: snapshot.timeZone,
      clinic: { ...snapshot.clinic, logo },
      patient: snapshot.patient,
      ...formContent(template, locale, snapshot, choices),
      signature,
      explainedBy,
      witnessedBy: witnessedBy || null,
    };
  }

  /** Checks what every new consent needs: a patient, the template on screen, allowed choices. */
  /**
   * `version` is the one the patient read: on screen it must be the current one; a paper
   * form may come back after the wording changed, and is recorded on the version printed.
   */
  async function prepare(patientId: string, kind: ConsentKind, choices: string[], version?: { number: number; earlierAllowed: boolean }) {
    const patient = await deps.getPatient(patientId);
    if (!patient) return err('not_found', say('patients.gone'));
    if (patient.archivedAt) return err('conflict', say('patients.archivedNoConsent'));
    const current = (await currentTemplates(db)).get(kind)!;
    let template = current;
    if (version && version.number !== current.version) {
      const earlier = version.earlierAllowed ? (await templateVersions(db, kind)).find((v) => v.version === version.number) : undefined;
      if (!earlier) return err('conflict', say('consent.formChanged'));
      template = earlier;
    }
    const rule = choiceRule(kind);
    const unknown = choices.filter((c) => !template.choices.includes(c) && c !== rule.explicitNone);
    if (unknown.length) return err('invalid_input', say('consent.unknownChoices'), { choices: say('consent.unknownChoice', { choices: unknown.join(', ') }) });
    if (rule.atLeastOne && choices.length === 0) {
      const message = rule.explicitNone ? say('consent.tickContact') : say('consent.markArea');
      return err('invalid_input', rule.explicitNone ? say('consent.chooseContact') : say('consent.markOneArea'), { choices: message });
    }
    if (rule.explicitNone && choices.includes(rule.explicitNone) && choices.length > 1) {
      return err('invalid_input', say('consent.noContactAlone'), { choices: say('consent.noContactUntick') });
    }
    const clinic = await clinicSnapshot();
    if (!clinic.ok) return clinic;
    return ok({ patient, template, clinic: clinic.value });
  }

  /**
   * Renders, stores the files, then records the row and its audit event together. A
   * failure at any step leaves no row; files already written are removed.
   */
  async function store(args: {
    clinic: { snapshot: ConsentSnapshot['clinic']; logo: ConsentPdfInput['clinic']['logo']; timeZone: string };
    patient: Patient;
    template: TemplateVersion;
    locale: ConsentPdfInput['locale'];
    kind: ConsentKind;
    choices: string[];
    method: ConsentRow['method'];
    signerName: string;
    signerRelationship?: SignerRelationship;
    signedAt: string;
    explainedBy: string;
    witnessedBy: string;
    signature: ConsentPdfInput['signature'];
    signatureImage?: Buffer;
    scan?: { bytes: Buffer; ext: string };
    seenBy?: string;
  }): Promise<Result<ConsentRecord>> {
    const id = newId();
    const recordedAt = now().toISOString();
    const snapshot: ConsentSnapshot = {
      timeZone: args.clinic.timeZone,
      clinic: args.clinic.snapshot,
      patient: patientSnapshot(args.patient),
      seenBy: args.seenBy,
      noContactBox: args.kind === 'privacy' || undefined,
    };
    const input = pdfInput(id, recordedAt, args.template, args.locale, snapshot, args.clinic.logo, args.choices, args.signature, args.explainedBy, args.witnessedBy);
    const pdf = await deps.render(input);
    if (!pdf.ok) return pdf;

    const written: string[] = [];
    try {
      await documents.write(pdfName(id), pdf.value);
      written.push(pdfName(id));
      if (args.signatureImage) {
        await documents.write(signatureName(id), args.signatureImage);
        written.push(signatureName(id));
      }
      const scanFile = args.scan ? `${id}-scan.${args.scan.ext}` : null;
      if (args.scan && scanFile) {
        await documents.write(scanFile, args.scan.bytes);
        written.push(scanFile);
      }
      const row: ConsentRow = {
        id,
        patient_id: args.patient.id,
        template_id: args.template.id,
        kind: args.kind,
        locale: args.locale,
        choices: JSON.stringify(args.choices),
        method: args.method,
        signer_name: args.signerName,
        signer_relationship: args.signerRelationship ?? 'self',
        signed_at: args.signedAt,
        explained_by: args.explainedBy,
        witnessed_by: args.witnessedBy,
        recorded_at: recordedAt,
        snapshot: JSON.stringify(snapshot),
        pdf_sha256: sha256(pdf.value),
        signature_sha256: args.signatureImage ? sha256(args.signatureImage) : null,
        scan_file: scanFile,
        scan_sha256: args.scan ? sha256(args.scan.bytes) : null,
        withdrawn_at: null,
        withdrawn_reason: '',
        withdrawn_by: '',
      };
      await db.transaction(async (trx) => {
        await trx('consents').insert(row);
        await appendAudit(trx, newId, {
          at: recordedAt,
          action: `consent.${args.method === 'verbal' ? 'verbal' : 'signed'}`,
          entity: 'patient',
          entityId: args.patient.id,
          detail: { consentId: id, kind: args.kind, method: args.method, templateVersion: args.template.version },
        });
      });
      return ok(toRecord(row, args.template));
    } catch (e) {
      await Promise.all(written.map((name) => documents.remove(name)));
      throw e;
    }
  }

  async function sign(input: ParsedInput<'consent.sign'> & StaffNames): Promise<Result<ConsentRecord>> {
    const prepared = await prepare(input.patientId, input.kind, input.choices, {
      number: input.templateVersion,
      earlierAllowed: input.signature.method === 'paper',
    });
    if (!prepared.ok) return prepared;
    const { patient, template, clinic } = prepared.value;
    const s = input.signature;
    const signedAt = now().toISOString();
    const patientName = patientSnapshot(patient).fullName;
    if (s.method === 'screen') {
      const image = Buffer.from(s.imageBase64, 'base64');
      const check = checkSignaturePng(image);
      if (!check.ok) return err('invalid_input', check.message, { 'signature.imageBase64': check.message });
      return store({
        clinic, patient, template, locale: input.locale, kind: input.kind, choices: input.choices, method: 'screen',
        signerName: s.signerName, signerRelationship: s.signerRelationship, signedAt, explainedBy: input.explainedBy, witnessedBy: input.witnessedBy,
        signature: { method: 'screen', image: check.image, signerName: s.signerName, signedAt, onBehalf: behalfLine(input.locale, s.signerRelationship, patientName) },
        signatureImage: image,
      });
    }
    // Paper: the date on the form. Today keeps the time it was recorded; an earlier day has no time to tell.
    const { timeZone } = clinic;
    if (s.signedOn > dayIn(timeZone, now())) return err('invalid_input', say('consent.futureDate'), { 'signature.signedOn': say('consent.futureField') });
    if (s.signedOn < dayIn(timeZone, template.createdAt)) {
      const message = say('consent.versionNotYet', { version: template.version, day: s.signedOn });
      return err('invalid_input', message, { 'signature.signedOn': message });
    }
    // A day with no hour to tell: noon in the clinic's zone keeps it on that day.
    const paperAt = s.signedOn === dayIn(timeZone, now()) ? signedAt : zonedNoon(s.signedOn, timeZone);
    let scan: { bytes: Buffer; ext: string } | undefined;
    if (s.scan) {
      const bytes = Buffer.from(s.scan.dataBase64, 'base64');
      if (!isKind(bytes, s.scan.mimeType)) {
        return err('invalid_input', say('consent.scanKind'), { 'signature.scan': say('consent.scanUnreadable') });
      }
      scan = { bytes, ext: scanExt[s.scan.mimeType] };
    }
    return store({
      clinic, patient, template, locale: input.locale, kind: input.kind, choices: input.choices, method: 'paper',
      signerName: s.signerName, signerRelationship: s.signerRelationship, signedAt: paperAt, explainedBy: input.explainedBy, witnessedBy: input.witnessedBy,
      signature: { method: 'paper', signedAt: paperAt, seenBy: input.explainedBy, onBehalf: behalfLine(input.locale, s.signerRelationship, patientName, s.signerName) },
      scan, seenBy: input.explainedBy,
    });
  }

  async function recordVerbal(input: ParsedInput<'consent.recordVerbal'> & { recordedBy: string }): Promise<Result<ConsentRecord>> {
    const prepared = await prepare(input.patientId, 'sensitive_areas', input.areas);
    if (!prepared.ok) return prepared;
    const { patient, template, clinic } = prepared.value;
    // Spoken consent at the visit confirms a written one; it never stands in for it.
    const statusNow = await status({ patientId: input.patientId });
    const written = statusNow.ok ? statusNow.value.items.find((i) => i.kind === 'sensitive_areas')! : null;
    if (!written || written.state !== 'on_file') {
      const message = say('consent.writtenFirst');
      return err('invalid_input', message, { areas: message });
    }
    const uncovered = input.areas.filter((a) => !written.choices.includes(a));
    if (uncovered.length) {
      const labels = uncovered.map((a) => template.locales['en-CA'].choiceLabels[a] ?? a).join(', ');
      const message = say('consent.notInWritten', { areas: labels });
      return err('invalid_input', message, { areas: message });
    }
    const signedAt = now().toISOString();
    const locale = formLocaleFor(patient.language, deps.profile().locale);
    return store({
      clinic, patient, template, locale, kind: 'sensitive_areas', choices: input.areas, method: 'verbal',
      signerName: `${patient.firstName} ${patient.lastName}`, signedAt, explainedBy: input.recordedBy, witnessedBy: '',
      signature: { method: 'verbal', signedAt, recordedBy: input.recordedBy },
    });
  }

  async function withdraw(input: ParsedInput<'consent.withdraw'> & { recordedBy: string }): Promise<Result<ConsentRecord>> {
    return db.transaction(async (trx) => {
      const row = (await trx('consents').where({ id: input.consentId }).first()) as ConsentRow | undefined;
      if (!row) return err('not_found', say('consent.noSuchConsent'));
      if (row.withdrawn_at) {
        // A consent changes once: a second window's withdrawal is the stale save, refused saying when and by whom.
        return err('conflict', say('consent.alreadyWithdrawn', { day: dayIn(deps.profile().timeZone, row.withdrawn_at), who: row.withdrawn_by || say('consent.someone') }));
      }
      const at = now().toISOString();
      await trx('consents').where({ id: row.id }).update({ withdrawn_at: at, withdrawn_reason: input.reason, withdrawn_by: input.recordedBy });
      await appendAudit(trx, newId, { at, action: 'consent.withdrawn', entity: 'patient', entityId: row.patient_id, detail: { consentId: row.id, kind: row.kind } });
      return ok(toRecord({ ...row, withdrawn_at: at, withdrawn_reason: input.reason, withdrawn_by: input.recordedBy }, await templateById(row.template_id, trx)));
    });
  }

  /** The stored PDF, only if it is still the one signed; a changed file is reported, never shown. */
  async function document(consentId: string): Promise<Result<{ bytes: Buffer; path: string; sha256: string }>> {
    const row = (await db('consents').where({ id: consentId }).first()) as ConsentRow | undefined;
    if (!row) return err('not_found', say('consent.noSuchConsent'));
    const read = await documents.readVerified(pdfName(row.id), row.pdf_sha256);
    // The desk reads "unchanged since it was signed"; the hash compared is kept in the audit log.
    await db.transaction((trx) =>
      appendAudit(trx, newId, {
        at: now().toISOString(),
        action: read.ok ? 'consent.document_verified' : 'consent.document_check_failed',
        entity: 'patient',
        entityId: row.patient_id,
        detail: { consentId: row.id, sha256: row.pdf_sha256, ...(read.ok ? {} : { reason: read.reason }) },
      }),
    );
    if (!read.ok) {
      return err(
        'integrity',
        read.reason === 'missing'
          ? say('consent.pdfMissing')
          : say('consent.pdfChanged'),
      );
    }
    return ok({ bytes: read.bytes, path: read.path, sha256: row.pdf_sha256 });
  }

  /** What a blank form prints: the current version, for this patient, in their language. */
  async function blankInput(
    input: { patientId: string; kind: ConsentKind; locale: 'en-CA' | 'fr-CA'; choices: string[] },
    letterhead?: Awaited<ReturnType<typeof clinicSnapshot>>,
  ): Promise<Result<{ pdf: ConsentPdfInput; templateVersion: number }>> {
    const patient = await deps.getPatient(input.patientId);
    if (!patient) return err('not_found', say('patients.gone'));
    const template = (await currentTemplates(db)).get(input.kind)!;
    const clinic = letterhead ?? (await clinicSnapshot());
    if (!clinic.ok) return clinic;
    const snapshot: ConsentSnapshot = { timeZone: clinic.value.timeZone, clinic: clinic.value.snapshot, patient: patientSnapshot(patient), noContactBox: true };
    // A blank form's id is fresh each time: it is not a record until it comes back signed.
    const pdf = pdfInput(newId(), now().toISOString(), template, input.locale, snapshot, clinic.value.logo, input.choices, { method: 'paper-blank' }, '', '');
    return ok({ pdf, templateVersion: template.version });
  }

  /** A form to print and sign on paper, or to read before signing: nothing is stored. */
  async function blankForm(input: Parameters<typeof blankInput>[0]): Promise<Result<{ pdf: Buffer; templateVersion: number }>> {
    const form = await blankInput(input);
    if (!form.ok) return form;
    const pdf = await deps.render(form.value.pdf);
    return pdf.ok ? ok({ pdf: pdf.value, templateVersion: form.value.templateVersion }) : pdf;
  }

  /** Whether these forms can be printed for the patient (font, logo, clinic name), checked without drawing them. */
  async function canPrint({ patientId, kinds, locale }: { patientId: string; kinds: ConsentKind[]; locale: 'en-CA' | 'fr-CA' }): Promise<Result<null>> {
    const letterhead = await clinicSnapshot(); // the logo read once for all the forms
    for (const kind of kinds) {
      const form = await blankInput({ patientId, kind, locale, choices: [] }, letterhead);
      if (!form.ok) return form;
      const printable = await deps.checkPdf(form.value.pdf);
      if (!printable.ok) return printable;
    }
    return ok(null);
  }

  async function status({ patientId }: { patientId: string }): Promise<Result<Output<'consent.status'>>> {
    if (!(await deps.getPatient(patientId))) return err('not_found', say('patients.gone'));
    // A patient with no consent yet still has every kind to show, by its current version's name.
    const { consents, versions } = (await consentFacts(db, [patientId], consentKinds)).get(patientId)!;
    const items = consentStatus({
      consents,
      versions,
      policy: deps.policy(),
      now: now(),
      timeZone: deps.profile().timeZone,
    });
    return ok({ items });
  }

  /** The kinds this patient signed on screen since `since`: what a patient-mode session has done. */
  async function signedOnScreenSince(patientId: string, since: string): Promise<ConsentKind[]> {
    return (await db('consents').where({ patient_id: patientId, method: 'screen' }).andWhere('recorded_at', '>=', since).orderBy('recorded_at').pluck('kind')) as ConsentKind[];
  }

  async function history({ patientId }: { patientId: string }): Promise<Result<Output<'consent.history'>>> {
    const rows = (await db('consents').where({ patient_id: patientId }).orderBy('signed_at', 'desc')) as ConsentRow[];
    return ok({ consents: await Promise.all(rows.map(recordOf)) });
  }

  /** A document that lives only as long as `use` (a blank form on its way to the printer). */
  async function withTemporaryDocument<T>(bytes: Buffer, use: (file: string, id: string) => Promise<T>): Promise<T> {
    const id = newId();
    const file = await documents.write(`print-${id}.pdf`, bytes);
    try {
      return await use(file, id);
    } finally {
      await documents.remove(`print-${id}.pdf`);
    }
  }

  return {
    withTemporaryDocument,
    signedOnScreenSince,
    sign,
    recordVerbal,
    withdraw,
    document,
    blankForm,
    canPrint,
    status,
    history,
    saveTemplate: (input: ParsedInput<'consent.saveTemplate'>) => saveTemplateVersion(db, { now, newId }, input),
    templates: async () => ok({ templates: [...(await currentTemplates(db)).values()].sort((a, b) => a.kind.localeCompare(b.kind)) }),
    templateHistory: async ({ kind }: { kind: ConsentKind }) => ok({ versions: await templateVersions(db, kind) }),
  };
}
export type ConsentService = ReturnType<typeof createConsentService>;
