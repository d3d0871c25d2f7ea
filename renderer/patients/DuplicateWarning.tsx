import type { Duplicate } from '../../shared/contract/patients';
import { href } from '../app/route';
import { birthLine, listName } from './format';

const why: Record<Duplicate['reasons'][number], string> = {
  name_and_birth_date: 'same name and date of birth',
  phone: 'same phone number',
};

/** Shown while a new record looks like one already on file: open it rather than make a second. */
export function DuplicateWarning({ duplicates, acknowledging }: { duplicates: Duplicate[]; acknowledging: boolean }) {
  if (duplicates.length === 0) return null;
  return (
    <section className="banner banner--warning" aria-labelledby="duplicates-title" role="status">
      <h3 id="duplicates-title">Possibly already a patient</h3>
      <ul>
        {duplicates.map((d) => (
          <li key={d.id}>
            <a href={href({ screen: 'patients', patientId: d.id })}>{listName(d)}</a> · born {birthLine(d.dateOfBirth)}
            {d.phone && ` · ${d.phone}`} — {d.reasons.map((r) => why[r]).join(', ')}
            {d.archivedAt && ' (archived)'}
          </li>
        ))}
      </ul>
      <p>
        {acknowledging
          ? 'If this is a different person, press “Create anyway”.'
          : 'Open the existing record if it is the same person.'}
      </p>
    </section>
  );
}
