import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { contactMethods, patientInputSchema, phoneLabels, type Patient, type PatientInput } from '../../shared/contract/patients';
import { ageOn, parseDate } from '../../shared/text/date';
import { useLeaveGuard } from '../app/leave';
import { useRead, useWrite } from '../ipc/hooks';
import { SelectField, TextArea, TextField } from '../ui/Field';
import { check, getIn, setIn, type FieldErrors } from '../ui/form';
import { ErrorSummary, useFormAction } from '../ui/formAction';
import { Actions } from '../ui/FormEnd';
import { useClinicToday } from '../ui/useDay';
import { DuplicateWarning } from './DuplicateWarning';
import { contactLabels, phoneTypeLabels, seedFromSearch, writtenDate } from './format';

const blank: PatientInput = {
  firstName: '',
  lastName: '',
  preferredName: '',
  pronouns: '',
  dateOfBirth: '',
  phones: [{ label: 'mobile', number: '' }],
  email: '',
  address: { line1: '', line2: '', city: '', region: '', postalCode: '', country: '' },
  emergencyContact: { name: '', relationship: '', phone: '' },
  familyPhysician: { name: '', clinic: '', phone: '' },
  preferredContact: 'phone',
  language: '',
  notes: '',
};

function fromPatient(p: Patient): PatientInput {
  const { id: _id, createdAt: _c, updatedAt: _u, archivedAt: _a, archiveReason: _r, ...input } = p;
  return input;
}

function fromSearch(typed: string): PatientInput {
  const { phone, ...seed } = seedFromSearch(typed);
  return { ...blank, ...seed, phones: [{ label: 'mobile', number: phone ?? '' }] };
}

/**
 * The birth date as typed, made ISO where it reads one way only. Done before every
 * check, so Ctrl+S with the date still in its field saves it (issue 7, item 14).
 */
function withDate(form: PatientInput): { form: PatientInput; readings: [string, string] | null; problem?: 'ambiguous' | 'unreadable' } {
  const typed = form.dateOfBirth;
  const parsed = parseDate(typed);
  if (parsed.kind === 'date') return { form: { ...form, dateOfBirth: parsed.iso }, readings: null };
  if (parsed.kind === 'ambiguous') return { form, readings: parsed.readings, problem: 'ambiguous' };
  // Not a date at all: the schema says so, in plainer words when it is not even ISO-shaped.
  return { form, readings: null, problem: parsed.kind === 'invalid' && !/^\d{4}-\d{2}-\d{2}$/.test(typed.trim()) ? 'unreadable' : undefined };
}

const kbd = (chunks: ReactNode[]) => <kbd>{chunks}</kbd>;
/** "Mobile", "Cellulaire": a phone type as a choice in a list. */
const capitalized = (word: string) => word.charAt(0).toLocaleUpperCase() + word.slice(1);

interface Props {
  patient?: Patient;
  /** What was in "Find a patient" when New patient was pressed. */
  searchText?: string;
  onSaved(patient: Patient): void;
  onCancel(): void;
}

export function PatientForm({ patient, searchText = '', onSaved, onCancel }: Props) {
  const intl = useIntl();
  const today = useClinicToday();
  const [initial] = useState<PatientInput>(() => (patient ? fromPatient(patient) : fromSearch(searchText)));
  const [form, setForm] = useState<PatientInput>(initial);
  const [readings, setReadings] = useState<[string, string] | null>(null);
  const [refusedAsDuplicate, setRefusedAsDuplicate] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const action = useFormAction();
  const formRef = useRef<HTMLFormElement>(null);
  const warningRef = useRef<HTMLElement>(null);
  const create = useWrite('patients.create');
  const update = useWrite('patients.update');
  const saving = create.isPending || update.isPending;
  const guard = useLeaveGuard(JSON.stringify(form) !== JSON.stringify(initial));

  // Duplicates are looked for as the identifying fields settle, not on every keystroke.
  const [probe, setProbe] = useState(() => probeOf(patient ? blank : initial));
  const duplicates = useRead(
    'patients.findDuplicates',
    { ...probe, excludeId: patient?.id },
    { enabled: Boolean((probe.firstName && probe.lastName && probe.dateOfBirth) || probe.phones.length), keepPrevious: true },
  );
  const found = duplicates.data?.duplicates ?? [];
  const refreshProbe = (f: PatientInput = form) => setProbe(probeOf(f));

  useEffect(() => {
    // A form opened from a search already holds the name: start where typing is still needed.
    const inputs = [...(formRef.current?.querySelectorAll<HTMLInputElement>('input') ?? [])];
    const start = !patient && searchText.trim() ? inputs.find((i) => i.value === '') : undefined;
    (start ?? inputs[0])?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the form opens
  }, []);

  // Save was refused as a likely duplicate: the warning beside Save takes focus once it shows.
  useEffect(() => {
    if (refusedAsDuplicate && found.length) warningRef.current?.focus();
  }, [refusedAsDuplicate, found.length]);

  const localCheck = (f: PatientInput): FieldErrors => {
    const dated = withDate(f);
    const result = check(patientInputSchema, dated.form);
    const fields = result.ok ? {} : result.fields;
    if (dated.problem === 'ambiguous') {
      const date = f.dateOfBirth.trim();
      return { ...fields, dateOfBirth: intl.formatMessage({ id: 'patients.form.dateTwoWays', defaultMessage: '{date} can be read two ways: choose the date meant' }, { date }) };
    }
    if (dated.problem === 'unreadable') {
      return { ...fields, dateOfBirth: intl.formatMessage({ id: 'patients.form.dateUnreadable', defaultMessage: 'Type the date as 1985-03-14, 14/03/1985 or 14 March 1985' }) };
    }
    return fields;
  };

  const set = (path: string, value: unknown) => {
    const next = setIn(form, path, value);
    setForm(next);
    if (path === 'dateOfBirth') setReadings(null);
    if (submitted) action.recheck(localCheck(next));
  };
  const bind = (path: string) => ({
    name: path,
    value: String(getIn(form, path) ?? ''),
    onChange: (e: { target: { value: string } }) => set(path, e.target.value),
    error: action.errors[path],
  });

  function settleDate() {
    const dated = withDate(form);
    if (dated.form.dateOfBirth !== form.dateOfBirth) setForm(dated.form);
    setReadings(dated.readings);
    refreshProbe(dated.form);
  }

  function pickReading(iso: string) {
    const next = { ...form, dateOfBirth: iso };
    setForm(next);
    setReadings(null);
    refreshProbe(next);
    if (submitted) action.recheck(localCheck(next));
    formRef.current?.querySelector<HTMLInputElement>('[name="dateOfBirth"]')?.focus();
  }

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (saving) return;
    setSubmitted(true);
    const dated = withDate(form);
    if (dated.form !== form) setForm(dated.form);
    setReadings(dated.readings);
    const errors = localCheck(form);
    if (Object.keys(errors).length) {
      action.refuse({ message: intl.formatMessage({ id: 'patients.form.someFields', defaultMessage: 'Some fields need attention:' }), fields: errors });
      return;
    }
    const input = dated.form;
    if (patient) {
      const result = await action.run(() => update.mutateAsync({ id: patient.id, patient: input, expectedUpdatedAt: patient.updatedAt }), withoutPrefix);
      if (result.ok) saved(result.value);
      return;
    }
    action.clear();
    const result = await create.mutateAsync({ patient: input, acknowledgeDuplicates: refusedAsDuplicate !== null });
    if (result.ok) return saved(result.value);
    if (result.error.code === 'conflict') {
      // Not an error in the form: a question about the patients it resembles, asked beside Save.
      refreshProbe(input);
      setRefusedAsDuplicate(result.error.message);
    } else {
      action.refuse({ message: result.error.message, fields: withoutPrefix(result.error.fields ?? {}) });
    }
  }

  function saved(p: Patient) {
    guard.release();
    onSaved(p);
  }

  function onKeyDown(e: KeyboardEvent) {
    if ((e.ctrlKey || e.metaKey) && (e.key.toLowerCase() === 's' || e.key === 'Enter')) {
      e.preventDefault();
      void submit();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  }

  const age = ageOn(form.dateOfBirth, today);
  const title = patient
    ? intl.formatMessage({ id: 'patients.form.editTitle', defaultMessage: 'Edit {name}' }, { name: `${patient.firstName} ${patient.lastName}` })
    : intl.formatMessage({ id: 'patients.form.newTitle', defaultMessage: 'New patient' });
  const phoneRequired = form.preferredContact !== 'email';

  return (
    <form ref={formRef} className="patient-form" onSubmit={submit} onKeyDown={onKeyDown} aria-labelledby="patient-form-title" noValidate>
      <header className="pane__header">
        <h2 id="patient-form-title">{title}</h2>
        <p className="pane__hint">
          <FormattedMessage id="patients.form.keys" defaultMessage="<kbd>Ctrl</kbd>+<kbd>S</kbd> saves · <kbd>Esc</kbd> cancels" values={{ kbd }} />
        </p>
      </header>

      <ErrorSummary {...action.summary} />
      <p className="required-note">
        <FormattedMessage
          id="patients.form.requiredNote"
          defaultMessage="Fields marked <mark>*</mark> are required."
          values={{ mark: (chunks) => <span className="field__required">{chunks}</span> }}
        />
      </p>

      {/* What the desk needs while the patient is on the phone comes first. */}
      <fieldset>
        <legend>
          <FormattedMessage id="patients.form.firstCall" defaultMessage="At the first call" />
        </legend>
        <div className="grid grid--3">
          <TextField label={intl.formatMessage({ id: 'patients.form.firstName', defaultMessage: 'First name' })} autoComplete="off" required {...bind('firstName')} onBlur={() => refreshProbe()} />
          <TextField label={intl.formatMessage({ id: 'patients.form.lastName', defaultMessage: 'Last name' })} autoComplete="off" required {...bind('lastName')} onBlur={() => refreshProbe()} />
          <TextField
            label={intl.formatMessage({ id: 'patients.form.dateOfBirth', defaultMessage: 'Date of birth' })}
            autoComplete="off"
            required
            {...bind('dateOfBirth')}
            onBlur={settleDate}
            hint={
              readings ? (
                <span className="date-readings" role="group" aria-label={intl.formatMessage({ id: 'patients.form.chooseDate', defaultMessage: 'Choose the date meant' })}>
                  <FormattedMessage
                    id="patients.form.didYouMean"
                    defaultMessage="Did you mean {first} or {second}?"
                    values={{
                      first: (
                        <button type="button" className="button button--small" onClick={() => pickReading(readings[0])}>
                          {writtenDate(readings[0], intl.locale)}
                        </button>
                      ),
                      second: (
                        <button type="button" className="button button--small" onClick={() => pickReading(readings[1])}>
                          {writtenDate(readings[1], intl.locale)}
                        </button>
                      ),
                    }}
                  />
                </span>
              ) : age === null ? (
                intl.formatMessage({ id: 'patients.form.dateHint', defaultMessage: '1985-03-14, 14/03/1985 or 14 March 1985' })
              ) : (
                intl.formatMessage(
                  { id: 'patients.form.dateAge', defaultMessage: '{date}, {age, plural, one {# year old} other {# years old}}' },
                  { date: writtenDate(form.dateOfBirth, intl.locale), age },
                )
              )
            }
          />
        </div>
        {action.errors.phones && <p className="field__error">{action.errors.phones}</p>}
        {form.phones.map((phone, i) => (
          <div className="grid grid--phone" key={i}>
            <SelectField
              label={intl.formatMessage({ id: 'patients.form.phoneType', defaultMessage: 'Phone {n} type' }, { n: i + 1 })}
              {...bind(`phones.${i}.label`)}
              options={phoneLabels.map((l) => ({ value: l, label: capitalized(intl.formatMessage(phoneTypeLabels[l])) }))}
            />
            <TextField
              label={intl.formatMessage({ id: 'patients.form.phoneNumber', defaultMessage: 'Phone {n} number' }, { n: i + 1 })}
              type="tel"
              autoComplete="off"
              required={phoneRequired && i === 0}
              {...bind(`phones.${i}.number`)}
              onBlur={() => refreshProbe()}
            />
            <button type="button" className="button button--quiet" onClick={() => set('phones', form.phones.filter((_, j) => j !== i))}>
              <FormattedMessage id="patients.form.removePhone" defaultMessage="Remove phone {n}" values={{ n: i + 1 }} />
            </button>
          </div>
        ))}
        {form.phones.length < 4 && (
          <button type="button" className="button button--quiet" onClick={() => set('phones', [...form.phones, { label: 'mobile', number: '' }])}>
            <FormattedMessage id="patients.form.addPhone" defaultMessage="Add a phone number" />
          </button>
        )}
        <div className="grid grid--3">
          <SelectField
            label={intl.formatMessage({ id: 'patients.form.preferredContact', defaultMessage: 'Preferred contact' })}
            {...bind('preferredContact')}
            options={contactMethods.map((m) => ({ value: m, label: intl.formatMessage(contactLabels[m]) }))}
            hint={intl.formatMessage({ id: 'patients.form.preferredContactHint', defaultMessage: 'How the clinic reaches this patient for follow-ups' })}
          />
          <TextField label={intl.formatMessage({ id: 'patients.form.email', defaultMessage: 'E-mail' })} type="email" autoComplete="off" required={form.preferredContact === 'email'} {...bind('email')} />
        </div>
      </fieldset>

      <fieldset>
        <legend>
          <FormattedMessage id="patients.form.about" defaultMessage="About the patient" />
        </legend>
        <div className="grid grid--3">
          <TextField label={intl.formatMessage({ id: 'patients.form.preferredName', defaultMessage: 'Preferred name' })} autoComplete="off" {...bind('preferredName')} hint={intl.formatMessage({ id: 'patients.form.preferredNameHint', defaultMessage: 'What the patient likes to be called' })} />
          <TextField label={intl.formatMessage({ id: 'patients.form.pronouns', defaultMessage: 'Pronouns' })} autoComplete="off" {...bind('pronouns')} hint={intl.formatMessage({ id: 'patients.form.pronounsHint', defaultMessage: 'For example she/her, they/them' })} />
          <TextField label={intl.formatMessage({ id: 'patients.form.language', defaultMessage: 'Language' })} autoComplete="off" {...bind('language')} hint={intl.formatMessage({ id: 'patients.form.languageHint', defaultMessage: 'Language for calls and forms' })} />
        </div>
      </fieldset>

      <fieldset>
        <legend>
          <FormattedMessage id="patients.form.address" defaultMessage="Address" />
        </legend>
        <div className="grid grid--2">
          <TextField label={intl.formatMessage({ id: 'patients.form.street', defaultMessage: 'Street address' })} autoComplete="off" {...bind('address.line1')} />
          <TextField label={intl.formatMessage({ id: 'patients.form.unit', defaultMessage: 'Apartment, suite, unit' })} autoComplete="off" {...bind('address.line2')} />
        </div>
        <div className="grid grid--4">
          <TextField label={intl.formatMessage({ id: 'patients.form.city', defaultMessage: 'City' })} autoComplete="off" {...bind('address.city')} />
          <TextField label={intl.formatMessage({ id: 'patients.form.province', defaultMessage: 'Province' })} autoComplete="off" {...bind('address.region')} />
          <TextField label={intl.formatMessage({ id: 'patients.form.postalCode', defaultMessage: 'Postal code' })} autoComplete="off" {...bind('address.postalCode')} />
          <TextField label={intl.formatMessage({ id: 'patients.form.country', defaultMessage: 'Country' })} autoComplete="off" {...bind('address.country')} />
        </div>
      </fieldset>

      <fieldset>
        <legend>
          <FormattedMessage id="patients.form.emergency" defaultMessage="Emergency contact" />
        </legend>
        <div className="grid grid--3">
          <TextField label={intl.formatMessage({ id: 'patients.form.emergencyName', defaultMessage: 'Emergency contact name' })} autoComplete="off" {...bind('emergencyContact.name')} />
          <TextField label={intl.formatMessage({ id: 'patients.form.relationship', defaultMessage: 'Relationship' })} autoComplete="off" {...bind('emergencyContact.relationship')} />
          <TextField label={intl.formatMessage({ id: 'patients.form.emergencyPhone', defaultMessage: 'Emergency contact phone' })} type="tel" autoComplete="off" {...bind('emergencyContact.phone')} />
        </div>
      </fieldset>

      <fieldset>
        <legend>
          <FormattedMessage id="patients.form.physician" defaultMessage="Family physician" />
        </legend>
        <div className="grid grid--3">
          <TextField label={intl.formatMessage({ id: 'patients.form.physicianName', defaultMessage: 'Physician name' })} autoComplete="off" {...bind('familyPhysician.name')} />
          <TextField label={intl.formatMessage({ id: 'patients.form.physicianClinic', defaultMessage: 'Clinic or practice' })} autoComplete="off" {...bind('familyPhysician.clinic')} />
          <TextField label={intl.formatMessage({ id: 'patients.form.physicianPhone', defaultMessage: 'Physician phone' })} type="tel" autoComplete="off" {...bind('familyPhysician.phone')} />
        </div>
      </fieldset>

      <fieldset>
        <legend>
          <FormattedMessage id="patients.form.notesGroup" defaultMessage="Notes" />
        </legend>
        <TextArea label={intl.formatMessage({ id: 'patients.form.notes', defaultMessage: 'Front-desk notes' })} rows={3} {...bind('notes')} hint={intl.formatMessage({ id: 'patients.form.notesHint', defaultMessage: 'Scheduling and contact notes; clinical notes belong in the treatment record' })} />
      </fieldset>

      {/* Save stays in reach at 1366×768 however long the form, with what it may be refused for beside it. */}
      <div className="form-bar">
        <DuplicateWarning duplicates={found} refused={refusedAsDuplicate} warningRef={warningRef} />
        <Actions
          submit={
            refusedAsDuplicate && !patient
              ? intl.formatMessage({ id: 'patients.form.createAnyway', defaultMessage: 'Create anyway' })
              : intl.formatMessage({ id: 'patients.form.save', defaultMessage: 'Save patient' })
          }
          busy={saving}
          onCancel={onCancel}
        />
      </div>
    </form>
  );
}

/** What duplicates are looked for by: the identifying fields, once they are whole. */
function probeOf(f: PatientInput) {
  return {
    firstName: f.firstName.trim(),
    lastName: f.lastName.trim(),
    dateOfBirth: /^\d{4}-\d{2}-\d{2}$/.test(f.dateOfBirth) ? f.dateOfBirth : '',
    phones: f.phones.map((p) => p.number).filter((n) => n.replace(/\D/g, '').length >= 7),
  };
}

/** Main names the form's fields under `patient.` (`patient.firstName` → `firstName`). */
function withoutPrefix(fields: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.replace(/^patient\./, ''), v]));
}
