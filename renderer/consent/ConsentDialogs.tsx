import { dayIn } from '../../shared/time';
import { useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, defineMessages, useIntl, type MessageDescriptor } from 'react-intl';
import { doNotContact, sensitiveAreas, signerRelationships, type ConsentKind, type ConsentStatus, type SignerRelationship, type TemplateVersion } from '../../shared/contract/consent';
import { formsToSign } from '../../shared/consent/needs';
import { relationshipLabels } from '../../shared/consent/signer';
import { ageOn } from '../../shared/text/date';
import { initialChoices, toggleChoice } from './choices';
import type { Patient } from '../../shared/contract/patients';
import { useRead, useWrite } from '../ipc/hooks';
import { Dialog } from '../ui/Dialog';
import { FileField, SelectField, TextField } from '../ui/Field';
import { PdfView } from './PdfView';
import { choiceLabel, kindOrder, stateLabels } from './words';
import { fileBase64 } from '../ui/files';
import { localeLabels, localeOptions } from '../ui/locales';
import { Actions, Done, Problem } from '../ui/FormEnd';
import { useClinicToday } from '../ui/useDay';
import { WhoFields } from '../staff/WhoFields';

type Locale = keyof typeof localeLabels;

const words: Record<'cancel' | 'close' | 'printer' | 'defaultPrinter' | 'sent', MessageDescriptor> = defineMessages({
  cancel: { id: 'consent.dialog.cancel', defaultMessage: 'Cancel' },
  close: { id: 'consent.dialog.close', defaultMessage: 'Close' },
  printer: { id: 'consent.dialog.printer', defaultMessage: 'Printer' },
  defaultPrinter: { id: 'consent.dialog.defaultPrinter', defaultMessage: 'Default printer' },
  sent: { id: 'consent.dialog.sent', defaultMessage: 'Sent to {printer} (job {job}).' },
});

function Choices({ template, value, onChange, error, legend }: { template: TemplateVersion; value: string[]; onChange(v: string[]): void; error?: string; legend: string }) {
  const intl = useIntl();
  if (template.choices.length === 0) return null;
  // The privacy form: no channel is an answer the patient gives, never a blank.
  const none = template.kind === 'privacy' ? doNotContact : undefined;
  return (
    <fieldset className={error ? 'field--invalid' : undefined}>
      <legend>{legend}</legend>
      {[...template.choices, ...(none ? [none] : [])].map((key) => (
        <label key={key} className="checkbox">
          <input type="checkbox" checked={value.includes(key)} onChange={(e) => onChange(toggleChoice(value, key, e.target.checked, none))} />
          {choiceLabel(template, key, intl.locale as Locale)}
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
  // The health history can come first, in the same hand-over (issue 9: the arrival). Not
  // ticked by itself: the desk may have taken it by phone already; missing or due is said.
  const intakeState = useRead('intake.status', { patientIds: [patient.id] }).data?.statuses[0]?.state;
  const [intake, setIntake] = useState(false);
  const intl = useIntl();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const substitute = signer.relationship === 'self' ? undefined : { name: signer.name, relationship: signer.relationship };
    const r = await enter.mutateAsync({ patientId: patient.id, kinds: kindOrder.filter((k) => kinds.includes(k)), locale, witnessId, substitute, intake });
    if (r.ok) onClose();
    else setErrors({ ...(r.error.fields ?? {}), _: r.error.message });
  }

  return (
    <Dialog title={intl.formatMessage({ id: 'consent.prepare.title', defaultMessage: 'Sign consent forms on screen' })} open={open} onClose={onClose} dirty={signer.name !== ''}>
      <form onSubmit={submit} noValidate>
        <fieldset className={errors.kinds ? 'field--invalid' : undefined}>
          <legend>
            <FormattedMessage id="consent.prepare.forms" defaultMessage="Forms to sign" />
          </legend>
          <label className="checkbox">
            <input type="checkbox" checked={intake} onChange={(e) => setIntake(e.target.checked)} />
            <FormattedMessage id="consent.prepare.intake" defaultMessage="Health history first" />{' '}
            {intakeState && intakeState !== 'current' && (
              <span className="pill pill--warn">
                {intakeState === 'none' ? (
                  <FormattedMessage id="consent.prepare.intakeNone" defaultMessage="none yet" />
                ) : (
                  <FormattedMessage id="consent.prepare.intakeDue" defaultMessage="due for review" />
                )}
              </span>
            )}
          </label>
          {kindOrder.map((k) => {
            const item = items.find((i) => i.kind === k)!;
            return (
              <label key={k} className="checkbox">
                <input type="checkbox" checked={kinds.includes(k)} onChange={(e) => setKinds(e.target.checked ? [...kinds, k] : kinds.filter((x) => x !== k))} />
                {item.name} <span className="muted">({intl.formatMessage(stateLabels[item.state])})</span>
              </label>
            );
          })}
          {errors.kinds && (
            <span className="field__error" role="alert">
              {errors.kinds}
            </span>
          )}
        </fieldset>
        <SelectField
          label={intl.formatMessage({ id: 'consent.prepare.locale', defaultMessage: 'Language of the forms' })}
          value={locale}
          onChange={(e) => setLocale(e.target.value as Locale)}
          options={localeOptions}
          hint={patient.language ? intl.formatMessage({ id: 'consent.prepare.recordSays', defaultMessage: 'The record says: {language}' }, { language: patient.language }) : undefined}
        />
        <SignerFields patient={patient} value={signer} onChange={setSigner} errors={{ relationship: errors['substitute.relationship'], name: errors['substitute.name'] }} />
        <WhoFields role={intl.formatMessage({ id: 'consent.prepare.explainedBy', defaultMessage: 'Explained by' })} witnessId={witnessId} onWitness={setWitnessId} error={errors.witnessId} />
        <p className="pane__hint">
          <FormattedMessage id="consent.prepare.hint" defaultMessage="The screen will show only the forms. A staff member’s own PIN is needed to leave." />
        </p>
        <Problem message={!errors.kinds && !errors.witnessId && !errors['substitute.name'] ? errors._ : null} />
        <Actions
          submit={<FormattedMessage id="consent.prepare.submit" defaultMessage="Hand the screen to the patient" />}
          cancel={intl.formatMessage(words.cancel)}
          busy={enter.isPending}
          onCancel={onClose}
        />
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
  const age = ageOn(patient.dateOfBirth, useClinicToday());
  const intl = useIntl();
  const desk = intl.locale as Locale;
  const signerOptions = signerRelationships.map((value) => ({
    value,
    label:
      value === 'self'
        ? intl.formatMessage({ id: 'consent.signer.self', defaultMessage: 'The patient' })
        : intl.formatMessage({ id: 'consent.signer.substitute', defaultMessage: '{relationship} (substitute decision-maker)' }, { relationship: relationshipLabels[desk][value] }),
  }));
  return (
    <>
      <SelectField
        label={intl.formatMessage({ id: 'consent.signer.who', defaultMessage: 'Who signs' })}
        value={value.relationship}
        onChange={(e) => onChange({ ...value, relationship: e.target.value as SignerRelationship })}
        options={signerOptions}
        error={errors.relationship}
        hint={
          age !== null && age < 18
            ? intl.formatMessage(
                { id: 'consent.signer.minor', defaultMessage: '{name} is {age}: a parent or guardian may sign if {name} cannot consent alone.' },
                { name: patient.firstName, age },
              )
            : undefined
        }
      />
      {value.relationship !== 'self' && (
        <TextField label={nameLabel ?? intl.formatMessage({ id: 'consent.signer.name', defaultMessage: 'Name of the person signing' })} value={value.name} onChange={(e) => onChange({ ...value, name: e.target.value })} error={errors.name} />
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
  // What the dialog opens with: anything changed from it is typed work, and Esc asks before it goes.
  const [start] = useState(() => ({
    form: { signerName: `${patient.firstName} ${patient.lastName}`, signedOn: dayIn(timeZone, new Date()) },
    choices: initialChoices(template.kind, template.choices, patient.preferredContact),
  }));
  const [form, setForm] = useState(start.form);
  const [witnessId, setWitnessId] = useState<string | undefined>();
  const [choices, setChoices] = useState<string[]>(start.choices);
  const [relationship, setRelationship] = useState<SignerRelationship>('self');
  const [scan, setScan] = useState<{ mimeType: 'application/pdf' | 'image/png' | 'image/jpeg'; dataBase64: string; name: string } | null>(null);
  const printers = useRead('printing.printers', {});
  const preview = useRead('consent.preview', { patientId: patient.id, kind: template.kind, locale, choices: [] });
  // A form printed before the wording changed is recorded on the version it shows.
  const versions = useRead('consent.templateHistory', { kind: template.kind });
  const [version, setVersion] = useState(template.version);
  const print = useWrite('consent.print');
  const sign = useWrite('consent.sign');
  const intl = useIntl();

  async function doPrint() {
    setPrinted(null);
    const r = await print.mutateAsync({ blankForm: { patientId: patient.id, kind: template.kind, locale, choices: [] }, printer: printer || undefined });
    if (r.ok) setPrinted(intl.formatMessage(words.sent, { printer: r.value.printer, job: r.value.jobId }));
    else setErrors({ printer: r.error.message });
  }

  // Each choice or removal counts: a large file still being read when another is chosen,
  // or the choice taken back, must not land after it.
  const scanChoice = useRef(0);
  async function onScan(file: File) {
    const choice = ++scanChoice.current;
    if (!['application/pdf', 'image/png', 'image/jpeg'].includes(file.type)) return setErrors({ 'signature.scan': intl.formatMessage({ id: 'consent.paper.scanType', defaultMessage: 'Attach a PDF, PNG or JPEG scan' }) });
    setErrors((shown) => Object.fromEntries(Object.entries(shown).filter(([field]) => field !== 'signature.scan')));
    const dataBase64 = await fileBase64(file);
    if (choice === scanChoice.current) setScan({ mimeType: file.type as 'application/pdf', dataBase64, name: file.name });
  }
  const removeScan = () => {
    scanChoice.current += 1;
    setScan(null);
  };

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
  const printerOptions = [
    { value: '', label: intl.formatMessage(words.defaultPrinter) },
    ...(printers.data?.printers ?? []).map((p) => ({ value: p.name, label: p.isDefault ? intl.formatMessage({ id: 'consent.paper.isDefault', defaultMessage: '{printer} (default)' }, { printer: p.name }) : p.name })),
  ];

  const dirty =
    form.signerName !== start.form.signerName || form.signedOn !== start.form.signedOn || choices.join() !== start.choices.join() || relationship !== 'self' || witnessId !== undefined || scan !== null;

  return (
    <Dialog
      title={intl.formatMessage({ id: 'consent.paper.title', defaultMessage: '{form}: on paper' }, { form: template.locales[intl.locale as Locale].name })}
      open={open}
      onClose={onClose}
      wide
      dirty={dirty}
    >
      <div className="paper">
        <section aria-labelledby="paper-print-h">
          <h3 id="paper-print-h">
            <FormattedMessage id="consent.paper.step1" defaultMessage="1. Print the form" />
          </h3>
          <SelectField label={intl.formatMessage({ id: 'consent.paper.locale', defaultMessage: 'Language of the form' })} value={locale} onChange={(e) => setLocale(e.target.value as Locale)} options={localeOptions} />
          <SelectField
            label={intl.formatMessage(words.printer)}
            value={printer}
            onChange={(e) => setPrinter(e.target.value)}
            options={printerOptions}
            error={errors.printer}
            hint={printers.data && printers.data.printers.length === 0 ? intl.formatMessage({ id: 'consent.paper.noPrinter', defaultMessage: 'No printer is set up on this computer.' }) : undefined}
          />
          <button type="button" className="button" onClick={doPrint} disabled={print.isPending}>
            <FormattedMessage id="consent.paper.print" defaultMessage="Print blank form" />
          </button>
          <Done>{printed}</Done>
          {preview.data && <PdfView pdfBase64={preview.data.pdfBase64} label={intl.formatMessage({ id: 'consent.paper.preview', defaultMessage: 'Form to sign on paper' })} />}
          {preview.isError && (
            <p className="field__error" role="alert">
              {preview.error.message}
            </p>
          )}
        </section>
        <form onSubmit={record} noValidate aria-labelledby="paper-record-h">
          <h3 id="paper-record-h">
            <FormattedMessage id="consent.paper.step2" defaultMessage="2. Record the signed form" />
          </h3>
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
            nameLabel={intl.formatMessage({ id: 'consent.paper.substituteName', defaultMessage: 'Name of the substitute decision-maker' })}
          />
          {relationship === 'self' && <TextField label={intl.formatMessage({ id: 'consent.paper.signedBy', defaultMessage: 'Signed by' })} {...bind('signerName')} error={errors['signature.signerName']} />}
          <TextField
            label={intl.formatMessage({ id: 'consent.paper.signedOn', defaultMessage: 'Date signed' })}
            placeholder={intl.formatMessage({ id: 'consent.paper.datePattern', defaultMessage: 'YYYY-MM-DD' })} {...bind('signedOn')} error={errors['signature.signedOn']} />
          <SelectField
            label={intl.formatMessage({ id: 'consent.paper.version', defaultMessage: 'Version printed on the form' })}
            value={String(version)}
            onChange={(e) => setVersion(Number(e.target.value))}
            options={(versions.data?.versions ?? [template]).map((v) => ({ value: String(v.version), label:
                v.version === template.version
                  ? intl.formatMessage({ id: 'consent.paper.versionCurrent', defaultMessage: 'Version {version} (current)' }, { version: v.version })
                  : intl.formatMessage({ id: 'consent.paper.versionOld', defaultMessage: 'Version {version}' }, { version: v.version }),
            }))}
            hint={intl.formatMessage({ id: 'consent.paper.versionHint', defaultMessage: 'At the foot of each page' })}
          />
          <Choices template={template} value={choices} onChange={setChoices} error={errors.choices} legend={intl.formatMessage({ id: 'consent.paper.choices', defaultMessage: 'Boxes ticked on the paper form' })} />
          <WhoFields role={intl.formatMessage({ id: 'consent.paper.explainedBy', defaultMessage: 'Explained and seen signed by' })} witnessId={witnessId} onWitness={setWitnessId} error={errors.witnessId} />
          <FileField
            label={intl.formatMessage({ id: 'consent.paper.scan', defaultMessage: 'Scan of the signed form (optional)' })}
            accept="application/pdf,image/png,image/jpeg"
            chosen={scan?.name ?? null}
            onFile={(file) => void onScan(file)}
            onRemove={removeScan}
            error={errors['signature.scan']}
          />
          <Problem message={errors._} />
          <Actions
            submit={<FormattedMessage id="consent.paper.submit" defaultMessage="Record paper signature" />}
            busy={sign.isPending}
            onCancel={onClose}
            cancel={intl.formatMessage(words.close)}
          />
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
  const intl = useIntl();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await verbal.mutateAsync({ patientId: patient.id, areas: areas as (typeof sensitiveAreas)[number][] });
    if (r.ok) onClose();
    else setErrors({ ...(r.error.fields ?? {}), _: r.error.message });
  }
  return (
    <Dialog title={intl.formatMessage({ id: 'consent.verbal.title', defaultMessage: 'Record spoken consent for today' })} open={open} onClose={onClose} dirty={areas.length > 0}>
      <form onSubmit={submit} noValidate>
        {written.state === 'on_file' ? (
          <p>
            <FormattedMessage id="consent.verbal.confirms" defaultMessage="Spoken consent confirms the written consent on file; only the areas it covers can be chosen." />
          </p>
        ) : (
          <p className="banner banner--warning">
            <FormattedMessage
              id="consent.verbal.notInForce"
              defaultMessage="Written consent for sensitive areas is {state}: the patient must consent in writing before spoken consent can be recorded."
              values={{ state: intl.formatMessage(stateLabels[written.state]).toLowerCase() }}
            />
          </p>
        )}
        <Choices template={{ ...template, choices: written.state === 'on_file' ? written.choices : [] }} value={areas} onChange={setAreas} error={errors.areas ?? errors.choices} legend={intl.formatMessage({ id: 'consent.verbal.areas', defaultMessage: 'Areas the patient agreed to today' })} />
        {errors.areas && written.state !== 'on_file' && (
          <span className="field__error" role="alert">
            {errors.areas}
          </span>
        )}
        <WhoFields role={intl.formatMessage({ id: 'consent.verbal.askedBy', defaultMessage: 'Asked by' })} />
        <Problem message={!errors.areas ? errors._ : null} />
        <Actions submit={<FormattedMessage id="consent.verbal.submit" defaultMessage="Record spoken consent" />} cancel={intl.formatMessage(words.cancel)} busy={verbal.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** Withdrawal, at any time: recorded, never deleted, and it blocks treatment that needs the consent. */
export function WithdrawDialog({ consentId, name, open, onClose }: { consentId: string; name: string; open: boolean; onClose(): void }) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const withdraw = useWrite('consent.withdraw');
  const intl = useIntl();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await withdraw.mutateAsync({ consentId, reason });
    if (r.ok) onClose();
    else setErrors({ ...(r.error.fields ?? {}), _: r.error.message });
  }
  return (
    <Dialog title={intl.formatMessage({ id: 'consent.withdraw.title', defaultMessage: 'Withdraw: {form}' }, { form: name })} open={open} onClose={onClose} dirty={reason !== ''}>
      <form onSubmit={submit} noValidate>
        <p>
          <FormattedMessage id="consent.withdraw.explain" defaultMessage="The signed form stays in the record. Treatment that needs this consent is blocked until the patient signs again." />
        </p>
        <TextField label={intl.formatMessage({ id: 'consent.withdraw.reason', defaultMessage: 'Reason given' })} value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} autoFocus />
        <WhoFields role={intl.formatMessage({ id: 'consent.withdraw.recordedBy', defaultMessage: 'Recorded by' })} />
        <Problem message={!errors.reason ? errors._ : null} />
        <Actions
          submit={<FormattedMessage id="consent.withdraw.submit" defaultMessage="Withdraw consent" />}
          tone="danger"
          busy={withdraw.isPending}
          onCancel={onClose}
          cancel={intl.formatMessage({ id: 'consent.withdraw.keep', defaultMessage: 'Keep it' })}
        />
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
  const intl = useIntl();
  const printerOptions = [{ value: '', label: intl.formatMessage(words.defaultPrinter) }, ...(printers.data?.printers ?? []).map((p) => ({ value: p.name, label: p.name }))];
  return (
    <Dialog title={title} open={open} onClose={onClose} wide>
      <Problem message={doc.error?.message} />
      {doc.data && (
        <>
          <div className="actions">
            <SelectField label={intl.formatMessage(words.printer)} value={printer} onChange={(e) => setPrinter(e.target.value)} options={printerOptions} />
            <button
              type="button"
              className="button button--primary"
              onClick={async () => {
                const r = await print.mutateAsync({ consentId, printer: printer || undefined });
                setMessage(r.ok ? { ok: true, text: intl.formatMessage(words.sent, { printer: r.value.printer, job: r.value.jobId }) } : { ok: false, text: r.error.message });
              }}
            >
              <FormattedMessage id="consent.document.print" defaultMessage="Print" />
            </button>
            <button
              type="button"
              className="button"
              onClick={async () => {
                const r = await viewer.mutateAsync({ consentId });
                setMessage(r.ok ? { ok: true, text: intl.formatMessage({ id: 'consent.document.opened', defaultMessage: 'Opened in the PDF viewer.' }) } : { ok: false, text: r.error.message });
              }}
            >
              <FormattedMessage id="consent.document.open" defaultMessage="Open in PDF viewer" />
            </button>
          </div>
          {message && (
            <p className={`banner ${message.ok ? 'banner--ok' : 'banner--error'}`} role={message.ok ? 'status' : 'alert'}>
              {message.text}
            </p>
          )}
          <p className="banner banner--ok">
            <FormattedMessage id="consent.document.unchanged" defaultMessage="Unchanged since it was signed." />
          </p>
          <PdfView pdfBase64={doc.data.pdfBase64} label={title} />
        </>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={onClose}>
          {intl.formatMessage(words.close)}
        </button>
      </div>
    </Dialog>
  );
}
