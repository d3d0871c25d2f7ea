import { err, ok, type Result } from '../../shared/contract/result';
import type { StaffMember } from '../../shared/contract/staff';
import { currentActor } from '../audit/actor';
import type { StaffService } from './service';
import { say } from '../../shared/messages';

/**
 * Who-did-it for the records: the person the dispatcher runs this call as (signed in,
 * or who handed the screen to the patient), and a witness picked from the staff list.
 * Names are read from the accounts here, never taken from the screen.
 */
export function actingStaff(staff: StaffService) {
  async function me(): Promise<Result<StaffMember>> {
    const id = currentActor();
    const row = id ? await staff.byId(id) : undefined;
    return row ? ok(staff.toMember(row)) : err('locked', say('staff.nobody'));
  }
  return {
    me,
    /** The names a consent carries: who explained it (and saw it signed), and the witness if any. */
    async names(witnessId: string | undefined): Promise<Result<{ explainedBy: string; witnessedBy: string; staffId: string; witnessId?: string }>> {
      const self = await me();
      if (!self.ok) return self;
      if (!witnessId) return ok({ explainedBy: self.value.name, witnessedBy: '', staffId: self.value.id });
      const row = await staff.byId(witnessId);
      if (!row || row.active !== 1) return err('invalid_input', say('staff.witnessList'), { witnessId: say('staff.witnessInactive') });
      if (row.id === self.value.id) return err('invalid_input', say('staff.witnessOther'), { witnessId: say('staff.witnessOtherField') });
      return ok({ explainedBy: self.value.name, witnessedBy: row.name, staffId: self.value.id, witnessId });
    },
  };
}
export type ActingStaff = ReturnType<typeof actingStaff>;
