import type { Knex } from 'knex';
import type { Goal, Plan } from '../../../shared/contract/followups';
import type { QuestionnaireDefinition } from '../../../shared/contract/checkin';
import type { SummaryInput } from './types';
import { limits } from './render';

type Q = Knex | Knex.Transaction;

/** What the summary reads of the record, in the summary's language; the patient, clinic and clock come from the caller. */
export type SummaryRecord = Pick<SummaryInput, 'goals' | 'plan' | 'earlierPlans' | 'checkins' | 'checkinsTotal' | 'checkinSource' | 'contacts' | 'contactsTotal'>;

/** Active goals first (what is being worked on), then the others; each group the newest first. */
export function orderGoals(goals: Goal[]): SummaryInput['goals'] {
  const newest = [...goals].reverse();
  return [...newest.filter((g) => g.status === 'active'), ...newest.filter((g) => g.status !== 'active')];
}

/** The current plan (none when every plan was superseded), its adherence newest first. */
export function currentPlan(plans: Plan[]): Pick<SummaryInput, 'plan' | 'earlierPlans'> {
  const current = plans.find((p) => p.current) ?? null;
  return {
    plan: current && { items: current.items, note: current.note, givenOn: current.givenOn, givenBy: current.givenBy, adherence: [...current.adherence].reverse() },
    earlierPlans: plans.filter((p) => p !== current).length,
  };
}

interface CheckinRow {
  taken_at: string;
  scores: string;
  definition: string;
  version: number;
}

/**
 * The latest check-ins with each theme's score, labelled in the summary's language from
 * the version it was taken on, with the range that version's scale and scoring allow (a
 * sum of three items on 1–5 runs 3–15), and whether it was low by that version's rule.
 */
export async function recentCheckins(q: Q, patientId: string, locale: SummaryInput['locale']): Promise<Pick<SummaryInput, 'checkins' | 'checkinsTotal' | 'checkinSource'>> {
  const rows = (await q('checkins as c')
    .join('questionnaires as q', 'q.id', 'c.questionnaire_id')
    .where('c.patient_id', patientId)
    .orderBy('c.taken_at', 'desc')
    .limit(limits.checkins)
    .select('c.taken_at', 'c.scores', 'q.definition', 'q.version')) as CheckinRow[];
  const definitions = rows.map((r) => JSON.parse(r.definition) as QuestionnaireDefinition);
  const checkins = rows.map((r, k) => {
    const d = definitions[k];
    const scores = JSON.parse(r.scores) as Array<{ theme: string; score: number }>;
    return {
      takenAt: r.taken_at,
      scores: scores.map(({ theme, score }) => {
        const items = d.scoring.method === 'sum' ? d.items.filter((i) => i.theme === theme).length : 1;
        const min = d.scale.min * items;
        const max = d.scale.max * items;
        // A mean at or below the low answer is low; a sum, when its items average that low.
        return { theme, score, min, max, low: score <= d.scoring.lowAtOrBelow * items, label: d.themes.find((t) => t.key === theme)?.label[locale] ?? theme };
      }),
    };
  });
  const [latest] = definitions;
  const total = (await q('checkins').where({ patient_id: patientId }).count({ n: '*' }).first()) as { n: number | string };
  return { checkins, checkinsTotal: Number(total.n), checkinSource: latest ? { title: latest.title[locale], version: rows[0].version, validated: latest.validated } : null };
}

/** The latest contact attempts on the patient's follow-ups, and how many there are. */
export async function recentContacts(q: Q, patientId: string): Promise<Pick<SummaryInput, 'contacts' | 'contactsTotal'>> {
  const rows = (await q('contact_attempts as a')
    .join('follow_ups as f', 'f.id', 'a.follow_up_id')
    .leftJoin('staff as s', 's.id', 'a.by')
    .where('a.patient_id', patientId)
    .orderBy('a.at', 'desc')
    .limit(limits.contacts)
    .select('a.at', 'f.kind', 'a.channel', 'a.outcome', 'a.note', 's.name')) as Array<{ at: string; kind: string; channel: string; outcome: string; note: string; name: string | null }>;
  const total = (await q('contact_attempts').where({ patient_id: patientId }).count({ n: '*' }).first()) as { n: number | string };
  return { contacts: rows.map((r) => ({ at: r.at, kind: r.kind, channel: r.channel, outcome: r.outcome, by: r.name ?? '', note: r.note })), contactsTotal: Number(total.n) };
}
