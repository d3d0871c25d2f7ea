import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import type { ChecklistItem } from '../../shared/contract/checklist';
import { useRead, useWrite } from '../ipc/hooks';
import { TextField } from '../ui/Field';
import { ErrorSummary, useFormAction } from '../ui/formAction';
import { useEdits } from '../app/leave';
import { Done } from '../ui/FormEnd';

interface Line {
  /** The item's id once saved; a line added here has none until main gives it one. */
  id?: string;
  key: string;
  en: string;
  fr: string;
  active: boolean;
}

const lineOf = (i: ChecklistItem): Line => ({ ...i, key: i.id });
let added = 0;

/**
 * The clinic's safety checklist (issue 9 item 5), an admin's: add, reword, put in order
 * (Move up / Move down, keyboard first) and retire items, then save the list at once
 * (checklist.saveItems). Nothing is deleted: a retired item stays, named under the list,
 * for the ticks that kept its words, and can be put back in use.
 */
export function ChecklistSettings() {
  const items = useRead('checklist.items', {});
  if (!items.data) return null;
  return <ChecklistForm initial={items.data.items} />;
}

function ChecklistForm({ initial }: { initial: ChecklistItem[] }) {
  const intl = useIntl();
  const [lines, setLines] = useState<Line[]>(() => initial.map(lineOf));
  const edits = useEdits();
  const action = useFormAction();
  const save = useWrite('checklist.saveItems');
  // What keeps the focus after a line moves or appears: React moves the line's nodes, which drops it.
  const focusNext = useRef<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!focusNext.current) return;
    const [key, control] = focusNext.current.split(' ');
    focusNext.current = null;
    const line = form.current?.querySelector(`[data-line="${key}"]`);
    const wanted = line?.querySelector<HTMLElement>(`[data-control="${control}"]:not(:disabled)`) ?? line?.querySelector<HTMLElement>('[data-control]:not(:disabled)');
    wanted?.focus();
  });

  const inUse = lines.filter((l) => l.active);
  const retired = lines.filter((l) => !l.active);
  // The list main gets, in this order: its field messages name these indexes.
  const sent = [...inUse, ...retired];
  const change = (next: Line[], focus?: string) => {
    focusNext.current = focus ?? null;
    edits.edit();
    setLines(next);
  };
  const edit = (key: string, patch: Partial<Line>) => change(lines.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  function move(key: string, by: -1 | 1) {
    const order = [...inUse];
    const at = order.findIndex((l) => l.key === key);
    [order[at], order[at + by]] = [order[at + by], order[at]];
    change([...order, ...retired], `${key} ${by < 0 ? 'up' : 'down'}`);
  }
  function retire(line: Line) {
    // A line never saved has no ticks to keep: it simply goes.
    const rest = lines.filter((l) => l.key !== line.key);
    const neighbour = inUse[inUse.indexOf(line) + 1] ?? inUse[inUse.indexOf(line) - 1];
    change(line.id ? [...rest, { ...line, active: false }] : rest, neighbour ? `${neighbour.key} retire` : undefined);
  }
  function add() {
    const key = `new-${++added}`;
    change([...inUse, { key, en: '', fr: '', active: true }, ...retired], `${key} en`);
  }
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await action.run(() => save.mutateAsync({ items: sent.map(({ id, en, fr, active }) => ({ id, en, fr, active })) }));
    if (!r.ok) return;
    setLines(r.value.items.map(lineOf));
    edits.settle(true);
  }

  const n = (line: Line) => inUse.indexOf(line) + 1;
  return (
    <section className="settings__consent checklist-settings" aria-labelledby="checklist-settings-h">
      <h2 id="checklist-settings-h">{intl.formatMessage({ id: 'today.checklistSettings.title', defaultMessage: 'Safety checklist' })}</h2>
      <p className="pane__hint">
        {intl.formatMessage({ id: 'today.checklistSettings.hint', defaultMessage: 'Ticked for each visit in front of the patient. A tick keeps the words it was ticked with, so rewording or retiring an item never changes a past visit.' })}
      </p>
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary {...action.summary} />
        <ol className="checklist-settings__list">
          {inUse.map((line, i) => (
            <li key={line.key} data-line={line.key} className="checklist-settings__line">
              <TextField
                label={intl.formatMessage({ id: 'today.checklistSettings.en', defaultMessage: 'Item {n} in English' }, { n: n(line) })}
                name={`items.${sent.indexOf(line)}.en`}
                data-control="en"
                required
                lang="en"
                value={line.en}
                onChange={(e) => edit(line.key, { en: e.target.value })}
                error={action.errors[`items.${sent.indexOf(line)}.en`]}
              />
              <TextField
                label={intl.formatMessage({ id: 'today.checklistSettings.fr', defaultMessage: 'Item {n} in French' }, { n: n(line) })}
                name={`items.${sent.indexOf(line)}.fr`}
                required
                lang="fr"
                value={line.fr}
                onChange={(e) => edit(line.key, { fr: e.target.value })}
                error={action.errors[`items.${sent.indexOf(line)}.fr`]}
              />
              <span className="actions">
                <button type="button" className="button button--small" data-control="up" disabled={i === 0} onClick={() => move(line.key, -1)}>
                  {intl.formatMessage({ id: 'today.checklistSettings.up', defaultMessage: 'Move item {n} up' }, { n: n(line) })}
                </button>
                <button type="button" className="button button--small" data-control="down" disabled={i === inUse.length - 1} onClick={() => move(line.key, 1)}>
                  {intl.formatMessage({ id: 'today.checklistSettings.down', defaultMessage: 'Move item {n} down' }, { n: n(line) })}
                </button>
                <button type="button" className="button button--small" data-control="retire" onClick={() => retire(line)}>
                  {intl.formatMessage({ id: 'today.checklistSettings.retire', defaultMessage: 'Retire item {n}' }, { n: n(line) })}
                </button>
              </span>
            </li>
          ))}
        </ol>
        {action.errors.items && <p className="field__error">{action.errors.items}</p>}
        {retired.length > 0 && (
          <>
            <h3>{intl.formatMessage({ id: 'today.checklistSettings.retired', defaultMessage: 'Retired: no longer asked, kept for past visits' })}</h3>
            <ul className="checklist-settings__retired">
              {retired.map((line) => (
                <li key={line.key} data-line={line.key}>
                  <span>{intl.locale.startsWith('fr') ? line.fr : line.en}</span>{' '}
                  <button type="button" className="button button--small" data-control="use" onClick={() => change([...inUse, { ...line, active: true }, ...retired.filter((l) => l !== line)], `${line.key} en`)}>
                    {intl.formatMessage({ id: 'today.checklistSettings.useAgain', defaultMessage: 'Use again' })}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        <Done>{edits.saved && intl.formatMessage({ id: 'today.checklistSettings.saved', defaultMessage: 'Checklist saved.' })}</Done>
        <div className="actions">
          <button type="button" className="button" onClick={add}>
            {intl.formatMessage({ id: 'today.checklistSettings.add', defaultMessage: 'Add an item' })}
          </button>
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {intl.formatMessage({ id: 'today.checklistSettings.save', defaultMessage: 'Save the checklist' })}
          </button>
        </div>
      </form>
    </section>
  );
}
