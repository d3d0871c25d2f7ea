import { z } from 'zod';
import { id, isoTimestamp, requiredText } from './fields';
import { say } from '../messages';

/**
 * The safety checklist (issue 9, item 5): the clinic's items, ticked per visit (the room
 * turned over for it) in front of the patient, with who and when.
 */
export const checklistItemSchema = z.object({ id, en: z.string(), fr: z.string(), active: z.boolean() });
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const checklistTickSchema = z.object({ itemId: id, text: z.string(), tickedBy: z.string().nullable(), tickedAt: isoTimestamp });
export type ChecklistTick = z.infer<typeof checklistTickSchema>;

const visitChecklist = z.object({ items: z.array(checklistItemSchema), ticks: z.array(checklistTickSchema) });

export const checklistContract = {
  'checklist.items': { input: z.object({}), output: z.object({ items: z.array(checklistItemSchema) }) },
  /** An admin's list, in order; items left out are set inactive (ticks already taken keep their wording). */
  'checklist.saveItems': {
    input: z.object({
      items: z
        .array(z.object({ id: id.optional(), en: requiredText(300, say('checklist.itemEnglish')), fr: requiredText(300, say('checklist.itemFrench')), active: z.boolean().default(true) }))
        .min(1, say('checklist.keepOne'))
        .max(20, say('checklist.max')),
    }),
    output: z.object({ items: z.array(checklistItemSchema) }),
  },
  'checklist.forVisit': { input: z.object({ appointmentId: id }), output: visitChecklist },
  'checklist.tick': {
    input: z.object({ appointmentId: id, itemIds: z.array(id).min(1, say('checklist.tickOne')).max(20) }),
    output: visitChecklist,
  },
} as const;
