import type { Handlers } from '../ipc/dispatcher';
import { ok } from '../../shared/contract/result';
import type { ActingStaff } from '../staff/acting';
import type { DashboardService } from './service';

/**
 * The dashboard's one read. Per-therapist scores are cut here in main, by who is signed
 * in, never by what the screen asks for: an admin sees every therapist, a therapist
 * their own row, reception none (issue 11 item 6).
 */
export function dashboardHandlers(dashboard: DashboardService, acting: ActingStaff): Pick<Handlers, 'dashboard.read'> {
  return {
    'dashboard.read': async (period) => {
      const me = await acting.me();
      if (!me.ok) return me;
      const all = await dashboard.read(period);
      const { id, roles } = me.value;
      const byTherapist = roles.includes('admin') ? all.byTherapist : roles.includes('therapist') ? all.byTherapist.filter((t) => t.therapistId === id) : null;
      return ok({ ...all, byTherapist });
    },
  };
}
