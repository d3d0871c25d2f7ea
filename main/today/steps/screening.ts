import type { Knex } from 'knex';
import type { ScreeningPolicy, ScreeningStage } from '../../../shared/contract/screening';
import type { StepStatus } from '../../../shared/contract/today';
import type { StepContext, TodayStepModule } from './types';

interface Taken {
  appointment_id: string;
  stage: ScreeningStage;
  positive: number;
  override_at: string | null;
  note: string | null;
  taken_at: string;
}

/** The day's screenings, newest last, read once for both screening steps. */
async function screeningsOf(db: Knex, ids: string[]): Promise<Taken[]> {
  if (ids.length === 0) return [];
  return (await db('screenings').whereIn('appointment_id', ids).orderBy('taken_at').select('appointment_id', 'stage', 'positive', 'override_at', 'note', 'taken_at')) as Taken[];
}

/**
 * The booking screening (taken in time before the visit, as the clinic requires) and
 * the arrival screening. A positive one blocks until overridden, and asks for its note.
 */
export function screeningSteps(policy: () => ScreeningPolicy): TodayStepModule[] {
  let cached: { ctx: StepContext; rows: Promise<Taken[]> } | null = null;
  const rowsFor = (ctx: StepContext) => {
    if (cached?.ctx !== ctx) cached = { ctx, rows: screeningsOf(ctx.db, ctx.appointments.map((a) => a.id)) };
    return cached.rows;
  };
  const stage = (step: 'booking_screening' | 'arrival_screening', which: ScreeningStage): TodayStepModule => ({
    step,
    async check(ctx) {
      const rules = policy();
      const required = which === 'booking' ? rules.bookingRequired : rules.arrivalRequired;
      const rows = (await rowsFor(ctx)).filter((r) => r.stage === which);
      const out = new Map<string, Omit<StepStatus, 'step'>>();
      for (const a of ctx.appointments) {
        // Screenings taken before the visit was booked or moved to this time were for another slot.
        const mine = rows.filter((r) => r.appointment_id === a.id && r.taken_at >= a.scheduledAt);
        // A booking screening counts only when taken close enough before the visit.
        const counted = which === 'booking' ? mine.filter((r) => Date.parse(a.startsAt) - Date.parse(r.taken_at) <= rules.bookingWithinHours * 3_600_000) : mine;
        const last = counted.at(-1);
        if (mine.some((r) => r.positive === 1 && r.override_at === null)) out.set(a.id, { state: 'blocked', detail: ctx.say(mine.some((r) => r.positive === 1 && !r.note) ? 'today.screening.noteMissing' : 'today.screening.stopped') });
        else if (last) out.set(a.id, { state: 'done', detail: ctx.say(last.positive ? 'today.screening.overridden' : 'today.screening.clear') });
        else if (!required || a.status === 'checked_out') out.set(a.id, { state: 'not_needed', detail: '' });
        else out.set(a.id, { state: 'missing', detail: mine.length > 0 ? ctx.say('today.screening.tooOld', { hours: rules.bookingWithinHours }) : ctx.say('today.screening.notTaken') });
      }
      return out;
    },
  });
  return [stage('booking_screening', 'booking'), stage('arrival_screening', 'arrival')];
}
