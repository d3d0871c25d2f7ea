import type { Ref } from 'react';
import { FormattedMessage, defineMessages, useIntl, type MessageDescriptor } from 'react-intl';
import type { Duplicate } from '../../shared/contract/patients';
import { href } from '../app/route';
import { birthLine, bornMessage, listName } from './format';
import { usePhoneDisplay } from './usePhoneDisplay';
import { useClinicToday } from '../ui/useDay';

const why: Record<Duplicate['reasons'][number], MessageDescriptor> = defineMessages({
  name_and_birth_date: { id: 'patients.duplicates.sameNameBirth', defaultMessage: 'same name and date of birth' },
  phone: { id: 'patients.duplicates.samePhone', defaultMessage: 'same phone number' },
});

/**
 * Shown while a new record looks like one already on file: open it rather than make a
 * second. It sits beside Save, and takes focus when Save was refused for it (issue 7,
 * item 12), so the eye and the screen reader are on it, not at the top of the form.
 */
export function DuplicateWarning({ duplicates, refused, warningRef }: { duplicates: Duplicate[]; refused: string | null; warningRef: Ref<HTMLElement> }) {
  const phone = usePhoneDisplay();
  const intl = useIntl();
  const today = useClinicToday();
  if (duplicates.length === 0) return null;
  return (
    <section className="banner banner--warning duplicates" aria-labelledby="duplicates-title" role="status" tabIndex={-1} ref={warningRef}>
      <h3 id="duplicates-title">
        <FormattedMessage id="patients.duplicates.title" defaultMessage="Possibly already a patient" />
      </h3>
      <ul>
        {duplicates.map((d) => (
          <li key={d.id}>
            <a href={href({ screen: 'patients', patientId: d.id })}>{listName(d)}</a> · <FormattedMessage {...bornMessage} values={{ date: birthLine(d.dateOfBirth, today) }} />
            {d.phone && ` · ${phone(d.phone)}`} — {d.reasons.map((r) => intl.formatMessage(why[r])).join(', ')}
            {d.archivedAt && ` (${intl.formatMessage({ id: 'patients.duplicates.archived', defaultMessage: 'archived' })})`}
          </li>
        ))}
      </ul>
      <p>{refused ?? intl.formatMessage({ id: 'patients.duplicates.openExisting', defaultMessage: 'Open the existing record if it is the same person.' })}</p>
    </section>
  );
}
