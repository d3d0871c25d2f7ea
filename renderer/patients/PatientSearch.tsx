import { useDeferredValue, useId, useState, type KeyboardEvent, type RefObject } from 'react';
import type { SearchResult } from '../../shared/contract/patients';
import { useRead } from '../ipc/hooks';
import { birthLine, listName } from './format';
import { usePhoneDisplay } from './usePhoneDisplay';

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
  const archivedCount = `${archivedMatches} archived patient${archivedMatches === 1 ? '' : 's'}`;

  const heading = deferred.trim() ? `${results.length === 20 ? 'First 20' : results.length} match${results.length === 1 ? '' : 'es'}` : 'Recently added or changed';

  return (
    <div className="search">
      <div className="field">
        <label htmlFor={`${listId}-input`}>Find a patient</label>
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
          placeholder="Name, phone digits or birth date"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <span className="field__hint" id={`${listId}-hint`}>
          <kbd>↑</kbd> <kbd>↓</kbd> to choose, <kbd>Enter</kbd> to open
        </span>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={includeArchived} onChange={(e) => {
            setIncludeArchived(e.target.checked);
            setActive(0);
          }} />
        Include archived patients
      </label>

      <h2 className="search__heading" id={`${listId}-heading`} aria-live="polite">
        {search.isError ? 'Search failed' : heading}
      </h2>
      {search.isError && (
        <p className="field__error" role="alert">
          {search.error.message}
        </p>
      )}
      {typed && archivedMatches > 0 && (
        <div className="banner banner--warning search__archived" role="status">
          <p>
            {results.length === 0
              ? `No active patient matches “${typed}”, but ${archivedCount} ${archivedMatches === 1 ? 'does' : 'do'}. Check before creating a new record.`
              : `${archivedCount} also match${archivedMatches === 1 ? 'es' : ''}.`}
          </p>
          <button type="button" className="button" onClick={showArchived}>
            Show archived patients
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
              {p.archivedAt && <span className="badge">Archived</span>}
              {p.needsForms && <span className="badge badge--alert">Needs forms</span>}
            </span>
            <span className="result__meta">
              {birthLine(p.dateOfBirth)}
              {p.phone && ` · ${phone(p.phone)}`}
              {p.pronouns && ` · ${p.pronouns}`}
            </span>
          </li>
        ))}
      </ul>
      {typed && results.length === 0 && archivedMatches === 0 && !search.isFetching && !search.isError && (
        <p className="search__empty">No patient matches “{deferred.trim()}”. Check the spelling, try the phone number, or create a new patient.</p>
      )}
    </div>
  );
}
