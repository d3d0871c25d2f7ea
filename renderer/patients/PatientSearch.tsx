import { useDeferredValue, useId, useState, type KeyboardEvent, type RefObject } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { SearchResult } from '../../shared/contract/patients';
import { useRead } from '../ipc/hooks';
import { birthLine, listName } from './format';
import { usePhoneDisplay } from './usePhoneDisplay';
import { useClinicToday } from '../ui/useDay';

interface Props {
  inputRef: RefObject<HTMLInputElement | null>;
  selectedId?: string;
  onOpen(id: string): void;
}

/**
 * Type-ahead patient finder, as a combobox: type part of a name, phone digits or a
 * birth date; arrows move through the matches; Enter opens one. Each row shows the
 * number the digits matched and whether consent forms are needed before treatment;
 * archived patients that match are announced, never silently left out (issue 7.11).
 */
export function PatientSearch({ inputRef, selectedId, onOpen }: Props) {
  const [query, setQuery] = useState('');
  const [includeArchived, setIncludeArchived] = useState(false);
  const [active, setActive] = useState(0);
  const deferred = useDeferredValue(query);
  const search = useRead('patients.search', { query: deferred, includeArchived }, { keepPrevious: true });
  const results: SearchResult[] = search.data?.results ?? [];
  const archivedMatches = includeArchived ? 0 : (search.data?.archivedMatches ?? 0);
  const phone = usePhoneDisplay();
  const intl = useIntl();
  const today = useClinicToday();
  const listId = useId();
  const optionId = (i: number) => `${listId}-opt-${i}`;

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, results.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && results[active]) {
      e.preventDefault();
      onOpen(results[active].id);
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      setQuery('');
      setActive(0);
    }
  }

  const showArchived = () => {
    setIncludeArchived(true);
    setActive(0);
    inputRef.current?.focus();
  };
  const typed = deferred.trim();

  // main sends at most 20 matches: then the heading says they are the first 20, not all.
  const heading = typed
    ? results.length === 20
      ? intl.formatMessage({ id: 'patients.search.first20', defaultMessage: 'First 20 matches' })
      : intl.formatMessage({ id: 'patients.search.matches', defaultMessage: '{count, plural, one {# match} other {# matches}}' }, { count: results.length })
    : intl.formatMessage({ id: 'patients.search.recent', defaultMessage: 'Recently added or changed' });

  return (
    <div className="search">
      <div className="field">
        <label htmlFor={`${listId}-input`}>
          <FormattedMessage id="patients.search.label" defaultMessage="Find a patient" />
        </label>
        <input
          id={`${listId}-input`}
          ref={inputRef}
          type="search"
          role="combobox"
          aria-expanded={results.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={results[active] ? optionId(active) : undefined}
          aria-describedby={`${listId}-hint`}
          autoComplete="off"
          spellCheck={false}
          placeholder={intl.formatMessage({ id: 'patients.search.placeholder', defaultMessage: 'Name, phone digits or birth date' })}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <span className="field__hint" id={`${listId}-hint`}>
          <FormattedMessage
            id="patients.search.keys"
            defaultMessage="<kbd>↑</kbd> <kbd>↓</kbd> to choose, <kbd>Enter</kbd> to open"
            values={{ kbd: (chunks) => <kbd>{chunks}</kbd> }}
          />
        </span>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={includeArchived} onChange={(e) => {
            setIncludeArchived(e.target.checked);
            setActive(0);
          }} />
        <FormattedMessage id="patients.search.includeArchived" defaultMessage="Include archived patients" />
      </label>

      <h2 className="search__heading" id={`${listId}-heading`} aria-live="polite">
        {search.isError ? intl.formatMessage({ id: 'patients.search.failed', defaultMessage: 'Search failed' }) : heading}
      </h2>
      {search.isError && (
        <p className="field__error" role="alert">
          {search.error.message}
        </p>
      )}
      {typed && archivedMatches > 0 && (
        <div className="banner banner--warning search__archived" role="status">
          <p>
            {results.length === 0 ? (
              <FormattedMessage
                id="patients.search.onlyArchived"
                defaultMessage="No active patient matches “{typed}”, but {count, plural, one {# archived patient does} other {# archived patients do}}. Check before creating a new record."
                values={{ typed, count: archivedMatches }}
              />
            ) : (
              <FormattedMessage
                id="patients.search.alsoArchived"
                defaultMessage="{count, plural, one {# archived patient also matches} other {# archived patients also match}}."
                values={{ count: archivedMatches }}
              />
            )}
          </p>
          <button type="button" className="button" onClick={showArchived}>
            <FormattedMessage id="patients.search.showArchived" defaultMessage="Show archived patients" />
          </button>
        </div>
      )}
      <ul className="results" role="listbox" id={listId} aria-labelledby={`${listId}-heading`}>
        {results.map((p, i) => (
          <li
            key={p.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={`result${i === active ? ' result--active' : ''}${p.id === selectedId ? ' result--open' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onOpen(p.id)}
          >
            <span className="result__name">
              {listName(p)}
              {p.archivedAt && (
                <span className="badge">
                  <FormattedMessage id="patients.search.archived" defaultMessage="Archived" />
                </span>
              )}
              {p.needsForms && (
                <span className="badge badge--alert">
                  <FormattedMessage id="patients.search.needsForms" defaultMessage="Needs forms" />
                </span>
              )}
            </span>
            <span className="result__meta">
              {birthLine(p.dateOfBirth, today)}
              {p.phone && ` · ${phone(p.phone)}`}
              {p.pronouns && ` · ${p.pronouns}`}
            </span>
          </li>
        ))}
      </ul>
      {typed && results.length === 0 && archivedMatches === 0 && !search.isFetching && !search.isError && (
        <p className="search__empty">
          <FormattedMessage
            id="patients.search.none"
            defaultMessage="No patient matches “{typed}”. Check the spelling, try the phone number, or create a new patient."
            values={{ typed }}
          />
        </p>
      )}
    </div>
  );
}
