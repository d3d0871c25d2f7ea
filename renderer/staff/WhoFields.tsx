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
  return (
    <>
      <p className="who">
        {role}: <strong>{me?.name ?? '…'}</strong> <span className="muted">(signed in)</span>
      </p>
      {onWitness && (
        <SelectField
          label="Witnessed by"
          value={witnessId ?? ''}
          onChange={(e) => onWitness(e.target.value || undefined)}
          error={error}
          hint="Optional: a colleague who was there"
          options={[{ value: '', label: 'No witness' }, ...(people.data?.people ?? []).filter((p) => p.id !== me?.id).map((p) => ({ value: p.id, label: p.name }))]}
        />
      )}
    </>
  );
}
