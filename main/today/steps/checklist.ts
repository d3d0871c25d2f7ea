import type { StepStatus } from '../../../shared/contract/today';
import type { ChecklistService } from '../../checklist/service';
import type { TodayStepModule } from './types';

/** The safety checklist: done when every item in use is ticked for the visit; two queries for the whole day. */
export function checklistStep(checklist: Pick<ChecklistService, 'ticksOf' | 'activeItems'>): TodayStepModule {
  return {
    step: 'checklist',
    async check({ appointments, say }) {
      const [items, ticks] = await Promise.all([checklist.activeItems(), checklist.ticksOf(appointments.map((a) => a.id))]);
      const out = new Map<string, Omit<StepStatus, 'step'>>();
      for (const a of appointments) {
        const ticked = new Set(ticks.filter((t) => t.appointment_id === a.id).map((t) => t.item_id));
        const left = items.filter((i) => !ticked.has(i.id)).length;
        if (items.length === 0 || left === 0) out.set(a.id, { state: items.length ? 'done' : 'not_needed', detail: items.length ? say('today.checklist.done') : '' });
        else if (a.status === 'checked_out' && ticked.size === 0) out.set(a.id, { state: 'not_needed', detail: '' });
        else out.set(a.id, { state: 'missing', detail: say('today.checklist.left', { left, count: items.length }) });
      }
      return out;
    },
  };
}
