import { createContext, useContext, useState, type ReactNode } from 'react';
import type { ConsentKind } from '../../shared/contract/consent';

/** A signing session handed to the patient: the forms to sign and who explained them. */
export interface PatientSession {
  patientId: string;
  patientName: string;
  kinds: ConsentKind[];
  locale: 'en-CA' | 'fr-CA';
  explainedBy: string;
  witnessedBy: string;
}

const Context = createContext<{ session: PatientSession | null; start(s: PatientSession): void; end(): void } | null>(null);

/**
 * Patient mode lives in memory, not in the URL: while it is on, the app shows only
 * the form being signed, and no link, shortcut or Back press leads anywhere else.
 * Only the staff PIN ends it (PatientModeScreen).
 */
export function PatientModeProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<PatientSession | null>(null);
  return <Context.Provider value={{ session, start: setSession, end: () => setSession(null) }}>{children}</Context.Provider>;
}

export function usePatientMode() {
  const value = useContext(Context);
  if (!value) throw new Error('usePatientMode outside PatientModeProvider');
  return value;
}
