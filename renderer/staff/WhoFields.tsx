import { FormattedMessage, useIntl } from 'react-intl';
import { useRead } from '../ipc/hooks';
import { SelectField } from '../ui/Field';

/**
 * Who is named on a record: the signed-in person, shown, not typed (main takes it from
 * the session), and a witness picked from the staff list when someone else was there.
 */
export function WhoFields({ role, witnessId, onWitness, error }: { role: string; witnessId?: string; onWitness?: (id: string | undefined) => void; error?: string }) {
  const session = useRead('session.current', {});
  const people = useRead('session.people', {}, { enabled: Boolean(onWitness) });
  const me = session.data?.user;
  const intl = useIntl();
  return (
    <>
      <p className="who">
        <FormattedMessage
          id="staff.who.signedIn"
          defaultMessage="{role}: <b>{name}</b> <muted>(signed in)</muted>"
          values={{ role, name: me?.name ?? '…', b: (c) => <strong>{c}</strong>, muted: (c) => <span className="muted">{c}</span> }}
        />
      </p>
      {onWitness && (
        <SelectField
          label={intl.formatMessage({ id: 'staff.who.witness', defaultMessage: 'Witnessed by' })}
          value={witnessId ?? ''}
          onChange={(e) => onWitness(e.target.value || undefined)}
          error={error}
          hint={intl.formatMessage({ id: 'staff.who.witnessHint', defaultMessage: 'Optional: a colleague who was there' })}
          options={[{ value: '', label: intl.formatMessage({ id: 'staff.who.noWitness', defaultMessage: 'No witness' }) }, ...(people.data?.people ?? []).filter((p) => p.id !== me?.id).map((p) => ({ value: p.id, label: p.name }))]}
        />
      )}
    </>
  );
}
