import { useState, type FormEvent } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import type { RuleId, RuleSetting } from '../../shared/contract/followups';
import { useRead, useWrite } from '../ipc/hooks';
import { TextField } from '../ui/Field';
import { ErrorSummary, useFormAction } from '../ui/formAction';
import { typedNumber } from '../ui/form';
import { useEdits } from '../app/leave';

const ruleNames = defineMessages<RuleId>({
  first_visit_call: { id: 'followups.rules.firstVisitCall', defaultMessage: 'Check-in call after a first visit' },
  homecare_adherence: { id: 'followups.rules.homecare', defaultMessage: 'Adherence check after a homecare plan is given' },
  alliance_checkin: { id: 'followups.rules.alliance', defaultMessage: 'Alliance check-in after chosen visits' },
  lapsed: { id: 'followups.rules.lapsed', defaultMessage: 'Reach out to a patient with no visit booked' },
});


/**
 * The clinic's follow-up rules (issue 11 item 3), set by an admin in Settings: each on
 * or off, and how many days it waits. One small form per rule, so Tab and Enter save
 * the rule in front of you; main refuses a negative or absurd delay next to the field.
 */
export function RuleSettings() {
  const intl = useIntl();
  const rules = useRead('followups.rules', {});
  if (!rules.data) return null;
  return (
    <section className="settings__consent schedule-settings rule-settings" aria-labelledby="rules-h">
      <h2 id="rules-h">{intl.formatMessage({ id: 'followups.rules.title', defaultMessage: 'Follow-up rules' })}</h2>
      <p className="pane__hint">
        {intl.formatMessage({ id: 'followups.rules.hint', defaultMessage: 'Follow-ups are made when a visit is checked out. A change applies to the visits checked out after it.' })}
      </p>
      {rules.data.map((r) => (
        <RuleLine key={r.id} rule={r} />
      ))}
    </section>
  );
}

function RuleLine({ rule }: { rule: RuleSetting }) {
  const intl = useIntl();
  const [enabled, setEnabled] = useState(rule.enabled);
  const [delay, setDelay] = useState(String(rule.delayDays));
  const [visits, setVisits] = useState((rule.params.visits ?? []).join(', '));
  const [every, setEvery] = useState(String(rule.params.every ?? 0));
  const edits = useEdits();
  const save = useWrite('followups.saveRule');
  const action = useFormAction();
  const alliance = rule.id === 'alliance_checkin';

  async function submit(e: FormEvent) {
    e.preventDefault();
    const extra = alliance ? { visits: visits.split(',').filter((v) => v.trim() !== '').map(typedNumber), every: typedNumber(every) } : {};
    // A wrong visit number is named by its place in the list (visits.1): shown on the one field.
    const r = await action.run(
      () => save.mutateAsync({ id: rule.id, enabled, delayDays: typedNumber(delay), ...extra }),
      (f) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k.startsWith('visits') ? 'visits' : k, v])),
    );
    edits.settle(r.ok);
  }

  const name = intl.formatMessage(ruleNames[rule.id]);
  return (
    <form className="schedule-settings__line" onSubmit={(e) => void submit(e)} onInput={edits.onInput} noValidate aria-label={name}>
      <ErrorSummary {...action.summary} />
      <label className="checkbox">
        <input type="checkbox" name="enabled" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        {name}
      </label>
      <TextField
        label={
          rule.id === 'lapsed'
            ? intl.formatMessage({ id: 'followups.rules.lapsedDays', defaultMessage: 'Days since the last visit' })
            : intl.formatMessage({ id: 'followups.rules.delay', defaultMessage: 'Days after' })
        }
        name="delayDays"
        inputMode="numeric"
        className="schedule-settings__short"
        value={delay}
        onChange={(e) => setDelay(e.target.value)}
        error={action.errors.delayDays}
      />
      {alliance && (
        <>
          <TextField
            label={intl.formatMessage({ id: 'followups.rules.visits', defaultMessage: 'After visits (numbers, with commas)' })}
            name="visits"
            className="rule-settings__visits"
            value={visits}
            onChange={(e) => setVisits(e.target.value)}
            error={action.errors.visits}
          />
          <TextField
            label={intl.formatMessage({ id: 'followups.rules.every', defaultMessage: 'Then every … visits (0: never)' })}
            name="every"
            inputMode="numeric"
            className="schedule-settings__short"
            value={every}
            onChange={(e) => setEvery(e.target.value)}
            error={action.errors.every}
          />
        </>
      )}
      <button type="submit" className="button button--small" disabled={save.isPending}>
        {intl.formatMessage({ id: 'followups.rules.save', defaultMessage: 'Save' })}
      </button>
      {edits.saved && (
        <span className="pill pill--ok" role="status">
          {intl.formatMessage({ id: 'followups.rules.saved', defaultMessage: 'Saved' })}
        </span>
      )}
    </form>
  );
}
