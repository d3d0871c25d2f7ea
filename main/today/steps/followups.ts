import type { StepStatus } from '../../../shared/contract/today';
import type { TodayStepModule } from './types';
import { declinedContact } from '../../followups/service';

/**
 * Follow-ups due for the patient (issue 9 item 2): an open follow-up due on or before
 * the visit's day is loud, so the desk can take it while the patient is in front of
 * them (the only way for one whose privacy consent allows no contact). Once recorded
 * it is closed or moved to its next try, and the step is quiet again. Patients who
 * declined further contact are left alone, as in the queue. One query for the day.
 */
export const followUpsStep: TodayStepModule = {
  step: 'followups',
  async check({ db, appointments, say }) {
    const out = new Map<string, Omit<StepStatus, 'step'>>();
    if (appointments.length === 0) return out;
    // The day's visits share one day: what is due by then counts.
    const day = appointments[0].day;
    const rows = (await db('follow_ups as f')
      .whereIn('f.patient_id', [...new Set(appointments.map((a) => a.patientId))])
      .where('f.status', 'open')
      .where('f.due_day', '<=', day)
      .whereNotExists(declinedContact)
      .groupBy('f.patient_id')
      .select('f.patient_id')
      .count({ n: '*' })) as Array<{ patient_id: string; n: number | string }>;
    const due = new Map(rows.map((r) => [r.patient_id, Number(r.n)]));
    for (const a of appointments) {
      const n = due.get(a.patientId) ?? 0;
      out.set(a.id, n > 0 ? { state: 'missing', detail: say('today.followups.due', { n }) } : { state: 'not_needed', detail: '' });
    }
    return out;
  },
};
