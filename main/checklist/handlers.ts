import type { Handlers } from '../ipc/dispatcher';
import type { ChecklistService } from './service';

export function checklistHandlers(checklist: ChecklistService): Pick<Handlers, Extract<keyof Handlers, `checklist.${string}`>> {
  return {
    'checklist.items': checklist.items,
    'checklist.saveItems': checklist.saveItems,
    'checklist.forVisit': checklist.forVisit,
    'checklist.tick': checklist.tick,
  };
}
