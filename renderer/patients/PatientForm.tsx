import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { contactMethods, patientInputSchema, phoneLabels, type Patient, type PatientInput } from '../../shared/contract/patients';
import { useRead, useWrite } from '../ipc/hooks';
import { SelectField, TextArea, TextField } from '../ui/Field';
import { check, focusFirstError, getIn, setIn, type FieldErrors } from '../ui/form';
import { DuplicateWarning } from './DuplicateWarning';
import { ageOn, normaliseDate } from './format';
import { Actions, Problem } from '../ui/FormEnd';

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

const contactLabels: Record<(typeof contactMethods)[number], string> = { phone: 'Phone call', text: 'Text message', email: 'E-mail' };

interface Props {
  patient?: Patient;
  onSaved(patient: Patient): void;
  onCancel(): void;
}

export function PatientForm({ patient, onSaved, onCancel }: Props) {
  const [form, setForm] = useState<PatientInput>(() => (patient ? fromPatient(patient) : blank));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [needsAcknowledge, setNeedsAcknowledge] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const create = useWrite('patients.create', ['patients.search', 'patients.get', 'app.info']);
  const update = useWrite('patients.update', ['patients.search', 'patients.get']);
  const saving = create.isPending || update.isPending;

  // Duplicates are looked for as the identifying fields settle, not on every keystroke.
  const [probe, setProbe] = useState({ firstName: '', lastName: '', dateOfBirth: '', phones: [] as string[] });
  const duplicates = useRead(
    'patients.findDuplicates',
    { ...probe, excludeId: patient?.id },
    { enabled: Boolean((probe.firstName && probe.lastName && probe.dateOfBirth) || probe.phones.length), keepPrevious: true },
  );
  const refreshProbe = () =>
    setProbe({
      firstName: form.firstName.trim(),
      lastName: form.lastName.trim(),
      dateOfBirth: /^\d{4}-\d{2}-\d{2}$/.test(form.dateOfBirth) ? form.dateOfBirth : '',
      phones: form.phones.map((p) => p.number).filter((n) => n.replace(/\D/g, '').length >= 7),
    });

  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);

  const set = (path: string, value: unknown) => {
    const next = setIn(form, path, value);
    setForm(next);
    if (submitted) {
      const result = check(patientInputSchema, next);
      setErrors(result.ok ? {} : result.fields);
    }
  };
  const bind = (path: string) => ({
    value: String(getIn(form, path) ?? ''),
    onChange: (e: { target: { value: string } }) => set(path, e.target.value),
    error: errors[path],
  });

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (saving) return;
    setSubmitted(true);
    setProblem(null);
    const local = check(patientInputSchema, form);
    if (!local.ok) {
      setErrors(local.fields);
      setProblem('Some fields need attention.');
      requestAnimationFrame(() => focusFirstError(formRef.current));
      return;
    }
    const result = patient
      ? await update.mutateAsync({ id: patient.id, patient: form, expectedUpdatedAt: patient.updatedAt })
      : await create.mutateAsync({ patient: form, acknowledgeDuplicates: needsAcknowledge });
    if (result.ok) {
      onSaved(result.value);
      return;
    }
    // Main's field names are the form's own (`patient.firstName` → `firstName`).
    const fields = Object.fromEntries(Object.entries(result.error.fields ?? {}).map(([k, v]) => [k.replace(/^patient\./, ''), v]));
    setErrors(fields);
    setProblem(result.error.message);
    if (result.error.code === 'conflict' && !patient) {
      refreshProbe();
      setNeedsAcknowledge(true);
    }
    requestAnimationFrame(() => focusFirstError(formRef.current));
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

  const age = ageOn(form.dateOfBirth);
  const title = patient ? `Edit ${patient.firstName} ${patient.lastName}` : 'New patient';

  return (
    <form ref={formRef} className="patient-form" onSubmit={submit} onKeyDown={onKeyDown} aria-labelledby="patient-form-title" noValidate>
      <header className="pane__header">
        <h2 id="patient-form-title">{title}</h2>
        <p className="pane__hint">
          <kbd>Ctrl</kbd>+<kbd>S</kbd> saves · <kbd>Esc</kbd> cancels
        </p>
      </header>

      <Problem message={problem} />
      <DuplicateWarning duplicates={duplicates.data?.duplicates ?? []} acknowledging={needsAcknowledge} />

      <fieldset>
        <legend>Identity</legend>
        <div className="grid grid--3">
          <TextField label="First name" autoComplete="off" required {...bind('firstName')} onBlur={refreshProbe} />
          <TextField label="Last name" autoComplete="off" required {...bind('lastName')} onBlur={refreshProbe} />
          <TextField label="Preferred name" autoComplete="off" {...bind('preferredName')} hint="What the patient likes to be called" />
          <TextField
            label="Date of birth"
            autoComplete="off"
            inputMode="numeric"
            placeholder="YYYY-MM-DD"
            required
            {...bind('dateOfBirth')}
            onBlur={(e) => {
              const normal = normaliseDate(e.target.value);
              if (normal !== e.target.value) set('dateOfBirth', normal);
              refreshProbe();
            }}
            hint={age === null ? 'YYYY-MM-DD, or 14/03/1985' : `${age} years old`}
          />
          <TextField label="Pronouns" autoComplete="off" {...bind('pronouns')} hint="For example she/her, they/them" />
          <TextField label="Language" autoComplete="off" {...bind('language')} hint="Language for calls and forms" />
        </div>
      </fieldset>

      <fieldset>
        <legend>Contact</legend>
        {errors.phones && (
          <p className="field__error" role="alert">
            {errors.phones}
          </p>
        )}
        {form.phones.map((phone, i) => (
          <div className="grid grid--phone" key={i}>
            <SelectField
              label={`Phone ${i + 1} type`}
              {...bind(`phones.${i}.label`)}
              options={phoneLabels.map((l) => ({ value: l, label: l[0].toUpperCase() + l.slice(1) }))}
            />
            <TextField label={`Phone ${i + 1} number`} type="tel" autoComplete="off" {...bind(`phones.${i}.number`)} onBlur={refreshProbe} />
            <button type="button" className="button button--quiet" onClick={() => set('phones', form.phones.filter((_, j) => j !== i))}>
              Remove phone {i + 1}
            </button>
          </div>
        ))}
        {form.phones.length < 4 && (
          <button type="button" className="button button--quiet" onClick={() => set('phones', [...form.phones, { label: 'mobile', number: '' }])}>
            Add a phone number
          </button>
        )}
        <div className="grid grid--3">
          <TextField label="E-mail" type="email" autoComplete="off" {...bind('email')} />
          <SelectField
            label="Preferred contact"
            {...bind('preferredContact')}
            options={contactMethods.map((m) => ({ value: m, label: contactLabels[m] }))}
            hint="How the clinic reaches this patient for follow-ups"
          />
        </div>
      </fieldset>

      <fieldset>
        <legend>Address</legend>
        <div className="grid grid--2">
          <TextField label="Street address" autoComplete="off" {...bind('address.line1')} />
          <TextField label="Apartment, suite, unit" autoComplete="off" {...bind('address.line2')} />
        </div>
        <div className="grid grid--4">
          <TextField label="City" autoComplete="off" {...bind('address.city')} />
          <TextField label="Province" autoComplete="off" {...bind('address.region')} />
          <TextField label="Postal code" autoComplete="off" {...bind('address.postalCode')} />
          <TextField label="Country" autoComplete="off" {...bind('address.country')} />
        </div>
      </fieldset>

      <fieldset>
        <legend>Emergency contact</legend>
        <div className="grid grid--3">
          <TextField label="Emergency contact name" autoComplete="off" {...bind('emergencyContact.name')} />
          <TextField label="Relationship" autoComplete="off" {...bind('emergencyContact.relationship')} />
          <TextField label="Emergency contact phone" type="tel" autoComplete="off" {...bind('emergencyContact.phone')} />
        </div>
      </fieldset>

      <fieldset>
        <legend>Family physician</legend>
        <div className="grid grid--3">
          <TextField label="Physician name" autoComplete="off" {...bind('familyPhysician.name')} />
          <TextField label="Clinic or practice" autoComplete="off" {...bind('familyPhysician.clinic')} />
          <TextField label="Physician phone" type="tel" autoComplete="off" {...bind('familyPhysician.phone')} />
        </div>
      </fieldset>

      <fieldset>
        <legend>Notes</legend>
        <TextArea label="Front-desk notes" rows={3} {...bind('notes')} hint="Scheduling and contact notes; clinical notes belong in the treatment record" />
      </fieldset>

      <Actions submit={needsAcknowledge && !patient ? 'Create anyway' : 'Save patient'} busy={saving} onCancel={onCancel} />
    </form>
  );
}
