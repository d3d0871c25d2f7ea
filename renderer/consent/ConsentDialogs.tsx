import { useState, type FormEvent } from 'react';
import { doNotContact, sensitiveAreas, signerRelationships, type ConsentKind, type ConsentStatus, type SignerRelationship, type TemplateVersion } from '../../shared/contract/consent';
import { formsToSign } from '../../shared/consent/needs';
import { ageOn, relationshipLabels } from '../../shared/consent/signer';
import { initialChoices, toggleChoice } from './choices';
import type { Patient } from '../../shared/contract/patients';
import { useRead, useWrite } from '../ipc/hooks';
import { Dialog } from '../ui/Dialog';
import { SelectField, TextField } from '../ui/Field';
import { PdfView } from './PdfView';
import { bytesToBase64, choiceLabel, kindOrder, localeLabels, stateLabels } from './words';
import { Actions, Problem } from '../ui/FormEnd';
import { WhoFields } from '../staff/WhoFields';

const localeOptions = Object.entries(localeLabels).map(([value, label]) => ({ value, label }));
type Locale = keyof typeof localeLabels;

const signerOptions = signerRelationships.map((value) => ({ value, label: value === 'self' ? 'The patient' : `${relationshipLabels['en-CA'][value]} (substitute decision-maker)` }));

function Choices({ template, value, onChange, error, legend }: { template: TemplateVersion; value: string[]; onChange(v: string[]): void; error?: string; legend: string }) {
  if (template.choices.length === 0) return null;
  // The privacy form: no channel is an answer the patient gives, never a blank.
  const none = template.kind === 'privacy' ? doNotContact : undefined;
  return (
    <fieldset className={error ? 'field--invalid' : undefined}>
      <legend>{legend}</legend>
      {[...template.choices, ...(none ? [none] : [])].map((key) => (
        <label key={key} className="checkbox">
          <input type="checkbox" checked={value.includes(key)} onChange={(e) => onChange(toggleChoice(value, key, e.target.checked, none))} />
          {choiceLabel(template, key)}
        </label>
      ))}
      {error && (
        <span className="field__error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}

/** Staff set up an on-screen signing, then hand the screen to the patient. */
export function PrepareSigningDialog({ patient, items, open, onClose, defaultLocale }: { patient: Patient; items: ConsentStatus[]; open: boolean; onClose(): void; defaultLocale: Locale }) {
  const enter = useWrite('patientMode.enter');
  const needs = formsToSign(items).map((i) => i.kind);
  const [kinds, setKinds] = useState<ConsentKind[]>(needs.length ? needs : ['treatment']);
  const [locale, setLocale] = useState<Locale>(defaultLocale);
  const [witnessId, setWitnessId] = useState<string | undefined>();
  const [signer, setSigner] = useState<{ relationship: SignerRelationship; name: string }>({ relationship: 'self', name: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function submit(e: FormEvent) {
    e.preventDefault();
    const substitute = signer.relationship === 'self' ? undefined : { name: signer.name, relationship: signer.relationship };
    const r = await enter.mutateAsync({ patientId: patient.id, kinds: kindOrder.filter((k) => kinds.includes(k)), locale, witnessId, substitute });
    if (r.ok) onClose();
    else setErrors({ ...(r.error.fields ?? {}), _: r.error.message });
  }

  return (
    <Dialog title="Sign consent forms on screen" open={open} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <fieldset className={errors.kinds ? 'field--invalid' : undefined}>
          <legend>Forms to sign</legend>
          {kindOrder.map((k) => {
            const item = items.find((i) => i.kind === k)!;
            return (
              <label key={k} className="checkbox">
                <input type="checkbox" checked={kinds.includes(k)} onChange={(e) => setKinds(e.target.checked ? [...kinds, k] : kinds.filter((x) => x !== k))} />
                {item.name} <span className="muted">({stateLabels[item.state]})</span>
              </label>
            );
          })}
          {errors.kinds && (
            <span className="field__error" role="alert">
              {errors.kinds}
            </span>
          )}
        </fieldset>
        <SelectField label="Language of the forms" value={locale} onChange={(e) => setLocale(e.target.value as Locale)} options={localeOptions} hint={patient.language ? `The record says: ${patient.language}` : undefined} />
        <SignerFields patient={patient} value={signer} onChange={setSigner} errors={{ relationship: errors['substitute.relationship'], name: errors['substitute.name'] }} />
        <WhoFields role="Explained by" witnessId={witnessId} onWitness={setWitnessId} error={errors.witnessId} />
        <p className="pane__hint">The screen will show only the forms. A staff member’s own PIN is needed to leave.</p>
        <Problem message={!errors.kinds && !errors.witnessId && !errors['substitute.name'] ? errors._ : null} />
        <Actions submit="Hand the screen to the patient" busy={enter.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** Who signs: the patient, or a substitute decision-maker for a minor or a patient who cannot consent. */
function SignerFields({ patient, value, onChange, errors, nameLabel }: {
  patient: Patient;
  value: { relationship: SignerRelationship; name: string };
  onChange(v: { relationship: SignerRelationship; name: string }): void;
  errors: { relationship?: string; name?: string };
  nameLabel?: string;
}) {
  const age = ageOn(patient.dateOfBirth, new Date().toISOString().slice(0, 10));
  return (
    <>
      <SelectField
        label="Who signs"
        value={value.relationship}
        onChange={(e) => onChange({ ...value, relationship: e.target.value as SignerRelationship })}
        options={signerOptions}
        error={errors.relationship}
        hint={age < 18 ? `${patient.firstName} is ${age}: a parent or guardian may sign if ${patient.firstName} cannot consent alone.` : undefined}
      />
      {value.relationship !== 'self' && (
        <TextField label={nameLabel ?? 'Name of the person signing'} value={value.name} onChange={(e) => onChange({ ...value, name: e.target.value })} error={errors.name} />
      )}
    </>
  );
}

/** Print a form for signing on paper, then record it once it comes back signed. */
export function PaperDialog({ patient, template, open, onClose, defaultLocale, timeZone }: { patient: Patient; template: TemplateVersion; open: boolean; onClose(): void; defaultLocale: Locale; timeZone: string }) {
  const [locale, setLocale] = useState<Locale>(defaultLocale);
  const [printer, setPrinter] = useState('');
  const [printed, setPrinted] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [form, setForm] = useState({ signerName: `${patient.firstName} ${patient.lastName}`, signedOn: new Date().toLocaleDateString('en-CA', { timeZone }) });
  const [witnessId, setWitnessId] = useState<string | undefined>();
  const [choices, setChoices] = useState<string[]>(() => initialChoices(template.kind, template.choices, patient.preferredContact));
  const [relationship, setRelationship] = useState<SignerRelationship>('self');
  const [scan, setScan] = useState<{ mimeType: 'application/pdf' | 'image/png' | 'image/jpeg'; dataBase64: string; name: string } | null>(null);
  const printers = useRead('printing.printers', {});
  const preview = useRead('consent.preview', { patientId: patient.id, kind: template.kind, locale, choices: [] });
  // A form printed before the wording changed is recorded on the version it shows.
  const versions = useRead('consent.templateHistory', { kind: template.kind });
  const [version, setVersion] = useState(template.version);
  const print = useWrite('consent.print');
  const sign = useWrite('consent.sign');

  async function doPrint() {
    setPrinted(null);
    const r = await print.mutateAsync({ blankForm: { patientId: patient.id, kind: template.kind, locale, choices: [] }, printer: printer || undefined });
    if (r.ok) setPrinted(`Sent to ${r.value.printer} (job ${r.value.jobId}).`);
    else setErrors({ printer: r.error.message });
  }

  async function onScan(file: File | undefined) {
    if (!file) return setScan(null);
    if (!['application/pdf', 'image/png', 'image/jpeg'].includes(file.type)) return setErrors({ 'signature.scan': 'Attach a PDF, PNG or JPEG scan' });
    setScan({ mimeType: file.type as 'application/pdf', dataBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())), name: file.name });
  }

  async function record(e: FormEvent) {
    e.preventDefault();
    const r = await sign.mutateAsync({
      patientId: patient.id,
      kind: template.kind,
      locale,
      choices,
      templateVersion: version,
      signature: { method: 'paper', signerName: form.signerName, signerRelationship: relationship, signedOn: form.signedOn, scan: scan ? { mimeType: scan.mimeType, dataBase64: scan.dataBase64 } : undefined },
      witnessId,
    });
    if (r.ok) onClose();
    else setErrors({ ...(r.error.fields ?? {}), _: r.error.message });
  }

  const bind = (key: keyof typeof form) => ({ value: form[key], onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }) });
  const printerOptions = [{ value: '', label: 'Default printer' }, ...(printers.data?.printers ?? []).map((p) => ({ value: p.name, label: p.isDefault ? `${p.name} (default)` : p.name }))];

  return (
    <Dialog title={`${template.locales['en-CA'].name}: on paper`} open={open} onClose={onClose} wide>
      <div className="paper">
        <section aria-labelledby="paper-print-h">
          <h3 id="paper-print-h">1. Print the form</h3>
          <SelectField label="Language of the form" value={locale} onChange={(e) => setLocale(e.target.value as Locale)} options={localeOptions} />
          <SelectField label="Printer" value={printer} onChange={(e) => setPrinter(e.target.value)} options={printerOptions} error={errors.printer} hint={printers.data && printers.data.printers.length === 0 ? 'No printer is set up on this computer.' : undefined} />
          <button type="button" className="button" onClick={doPrint} disabled={print.isPending}>
            Print blank form
          </button>
          {printed && (
            <p className="banner banner--ok" role="status">
              {printed}
            </p>
          )}
          {preview.data && <PdfView pdfBase64={preview.data.pdfBase64} label="Form to sign on paper" />}
          {preview.isError && (
            <p className="field__error" role="alert">
              {preview.error.message}
            </p>
          )}
        </section>
        <form onSubmit={record} noValidate aria-labelledby="paper-record-h">
          <h3 id="paper-record-h">2. Record the signed form</h3>
          <SignerFields
            patient={patient}
            value={{ relationship, name: form.signerName }}
            onChange={(v) => {
              // Switching between the patient and a substitute: the patient's own name, or an empty one to fill.
              const switched = (v.relationship === 'self') !== (relationship === 'self');
              setForm({ ...form, signerName: !switched ? v.name : v.relationship === 'self' ? `${patient.firstName} ${patient.lastName}` : '' });
              setRelationship(v.relationship);
            }}
            errors={{ relationship: errors['signature.signerRelationship'], name: errors['signature.signerName'] }}
            nameLabel="Name of the substitute decision-maker"
          />
          {relationship === 'self' && <TextField label="Signed by" {...bind('signerName')} error={errors['signature.signerName']} />}
          <TextField label="Date signed" placeholder="YYYY-MM-DD" {...bind('signedOn')} error={errors['signature.signedOn']} />
          <SelectField
            label="Version printed on the form"
            value={String(version)}
            onChange={(e) => setVersion(Number(e.target.value))}
            options={(versions.data?.versions ?? [template]).map((v) => ({ value: String(v.version), label: `Version ${v.version}${v.version === template.version ? ' (current)' : ''}` }))}
            hint="At the foot of each page"
          />
          <Choices template={template} value={choices} onChange={setChoices} error={errors.choices} legend="Boxes ticked on the paper form" />
          <WhoFields role="Explained and seen signed by" witnessId={witnessId} onWitness={setWitnessId} error={errors.witnessId} />
          <div className="field">
            <label htmlFor="paper-scan">Scan of the signed form (optional)</label>
            <input id="paper-scan" type="file" accept="application/pdf,image/png,image/jpeg" onChange={(e) => void onScan(e.target.files?.[0])} />
            {errors['signature.scan'] && (
              <span className="field__error" role="alert">
                {errors['signature.scan']}
              </span>
            )}
          </div>
          <Problem message={errors._} />
          <Actions submit="Record paper signature" busy={sign.isPending} onCancel={onClose} cancel="Close" />
        </form>
      </div>
    </Dialog>
  );
}

/** Spoken consent for sensitive areas, asked at the visit before treating them. */
export function VerbalDialog({ patient, template, written, open, onClose }: { patient: Patient; template: TemplateVersion; written: ConsentStatus; open: boolean; onClose(): void }) {
  const [areas, setAreas] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const verbal = useWrite('consent.recordVerbal');
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await verbal.mutateAsync({ patientId: patient.id, areas: areas as (typeof sensitiveAreas)[number][] });
    if (r.ok) onClose();
    else setErrors({ ...(r.error.fields ?? {}), _: r.error.message });
  }
  return (
    <Dialog title="Record spoken consent for today" open={open} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        {written.state === 'on_file' ? (
          <p>Spoken consent confirms the written consent on file; only the areas it covers can be chosen.</p>
        ) : (
          <p className="banner banner--warning">Written consent for sensitive areas is {stateLabels[written.state].toLowerCase()}: the patient must consent in writing before spoken consent can be recorded.</p>
        )}
        <Choices template={{ ...template, choices: written.state === 'on_file' ? written.choices : [] }} value={areas} onChange={setAreas} error={errors.areas ?? errors.choices} legend="Areas the patient agreed to today" />
        {errors.areas && written.state !== 'on_file' && (
          <span className="field__error" role="alert">
            {errors.areas}
          </span>
        )}
        <WhoFields role="Asked by" />
        <Problem message={!errors.areas ? errors._ : null} />
        <Actions submit="Record spoken consent" busy={verbal.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** Withdrawal, at any time: recorded, never deleted, and it blocks treatment that needs the consent. */
export function WithdrawDialog({ consentId, name, open, onClose }: { consentId: string; name: string; open: boolean; onClose(): void }) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const withdraw = useWrite('consent.withdraw');
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await withdraw.mutateAsync({ consentId, reason });
    if (r.ok) onClose();
    else setErrors({ ...(r.error.fields ?? {}), _: r.error.message });
  }
  return (
    <Dialog title={`Withdraw: ${name}`} open={open} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p>The signed form stays in the record. Treatment that needs this consent is blocked until the patient signs again.</p>
        <TextField label="Reason given" value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} autoFocus />
        <WhoFields role="Recorded by" />
        <Problem message={!errors.reason ? errors._ : null} />
        <Actions submit="Withdraw consent" tone="danger" busy={withdraw.isPending} onCancel={onClose} cancel="Keep it" />
      </form>
    </Dialog>
  );
}

/** A stored consent PDF, checked against its hash by main before it is shown. */
export function DocumentDialog({ consentId, title, open, onClose }: { consentId: string; title: string; open: boolean; onClose(): void }) {
  const doc = useRead('consent.document', { consentId }, { enabled: open });
  const printers = useRead('printing.printers', {}, { enabled: open });
  const [printer, setPrinter] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const print = useWrite('consent.print');
  const viewer = useWrite('consent.openInViewer');
  const printerOptions = [{ value: '', label: 'Default printer' }, ...(printers.data?.printers ?? []).map((p) => ({ value: p.name, label: p.name }))];
  return (
    <Dialog title={title} open={open} onClose={onClose} wide>
      <Problem message={doc.error?.message} />
      {doc.data && (
        <>
          <div className="actions">
            <SelectField label="Printer" value={printer} onChange={(e) => setPrinter(e.target.value)} options={printerOptions} />
            <button
              type="button"
              className="button button--primary"
              onClick={async () => {
                const r = await print.mutateAsync({ consentId, printer: printer || undefined });
                setMessage(r.ok ? { ok: true, text: `Sent to ${r.value.printer} (job ${r.value.jobId}).` } : { ok: false, text: r.error.message });
              }}
            >
              Print
            </button>
            <button
              type="button"
              className="button"
              onClick={async () => {
                const r = await viewer.mutateAsync({ consentId });
                setMessage(r.ok ? { ok: true, text: 'Opened in the PDF viewer.' } : { ok: false, text: r.error.message });
              }}
            >
              Open in PDF viewer
            </button>
          </div>
          {message && (
            <p className={`banner ${message.ok ? 'banner--ok' : 'banner--error'}`} role={message.ok ? 'status' : 'alert'}>
              {message.text}
            </p>
          )}
          <p className="banner banner--ok">Unchanged since it was signed.</p>
          <PdfView pdfBase64={doc.data.pdfBase64} label={title} />
        </>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
