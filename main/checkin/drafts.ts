/** One answer ticked so far. */
export type DraftAnswer = { itemId: string; value: number };

/** How long an untouched draft is kept: a check-in is a few minutes' work, not a day's. */
export const draftLifeMs = 2 * 60 * 60_000;

/**
 * Check-in answers ticked so far, so a reload of the window (or a patient tapping
 * reload on the screen) loses nothing. Held in main's memory only: a draft is health
 * data, so it never goes to disk, electron-store or the browser's storage, and a restart
 * of the app forgets it. Each draft belongs to one owner (the patient-mode session, or
 * the person signed in) and one patient; it is for the questionnaire version it was
 * typed on, and is forgotten once recorded, when the form is left, or after a while.
 */
export function createDrafts(now: () => number = Date.now) {
  const held = new Map<string, { questionnaireId: string; answers: DraftAnswer[]; at: number }>();
  const key = (owner: string, patientId: string) => `${owner}\u0000${patientId}`;
  const forgetOld = () => {
    for (const [k, d] of held) if (now() - d.at > draftLifeMs) held.delete(k);
  };
  return {
    get(owner: string, patientId: string, questionnaireId: string): DraftAnswer[] {
      forgetOld();
      const d = held.get(key(owner, patientId));
      return d && d.questionnaireId === questionnaireId ? d.answers : [];
    },
    put(owner: string, patientId: string, questionnaireId: string, answers: DraftAnswer[]): DraftAnswer[] {
      forgetOld();
      // The last answer given for an item stands.
      const byItem = new Map(answers.map((a) => [a.itemId, a]));
      const kept = [...byItem.values()];
      if (kept.length === 0) held.delete(key(owner, patientId));
      else held.set(key(owner, patientId), { questionnaireId, answers: kept, at: now() });
      return kept;
    },
    drop(owner: string, patientId: string): boolean {
      return held.delete(key(owner, patientId));
    },
    size: () => held.size,
  };
}
