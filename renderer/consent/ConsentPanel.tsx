import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ConsentRecord, ConsentStatus, TemplateVersion } from '../../shared/contract/consent';
import type { Patient } from '../../shared/contract/patients';
import { useRead, useWrite } from '../ipc/hooks';
import { DocumentDialog, PaperDialog, PrepareSigningDialog, VerbalDialog, WithdrawDialog } from './ConsentDialogs';
import { choiceLabel, kindOrder, methodLabels, stateLabels, stateTone, when } from './words';
import { Problem } from '../ui/FormEnd';
import { dayIn } from '../../shared/time';
import { formLocaleFor, formsStillNeeded, formsToSign } from '../../shared/consent/needs';
import { relationshipLabels } from '../../shared/consent/signer';
import type { Locale } from '../../shared/contract/settings';
import { hidden } from './hidden';

type Open =
  | { dialog: 'sign' }
  | { dialog: 'paper'; kind: ConsentStatus['kind'] }
  | { dialog: 'verbal' }
  | { dialog: 'withdraw'; consent: ConsentRecord }
  | { dialog: 'document'; consent: ConsentRecord }
  | null;

function StatusDetail({ item, template, timeZone }: { item: ConsentStatus; template: TemplateVersion; timeZone: string }) {
  const intl = useIntl();
  const label = (c: string) => choiceLabel(template, c, intl.locale as Locale);
  const parts: string[] = [];
  if (item.signedAt) parts.push(intl.formatMessage({ id: 'consent.panel.signed', defaultMessage: 'signed {day}, version {version}' }, { day: dayIn(timeZone, item.signedAt), version: item.version }));
  if (item.state === 'reconsent') parts.push(intl.formatMessage({ id: 'consent.panel.changed', defaultMessage: 'the form changed (now version {version})' }, { version: item.currentVersion }));
  if (item.expiresOn && item.state !== 'withdrawn') {
    parts.push(
      item.state === 'expired'
        ? intl.formatMessage({ id: 'consent.panel.expired', defaultMessage: 'expired {day}' }, { day: item.expiresOn })
        : intl.formatMessage({ id: 'consent.panel.validUntil', defaultMessage: 'valid until {day}' }, { day: item.expiresOn }),
    );
  }
  if (item.choices.length) parts.push(item.choices.map(label).join(', '));
  if (item.kind === 'sensitive_areas' && item.state === 'on_file') {
    parts.push(
      item.verbalToday.length
        ? intl.formatMessage({ id: 'consent.panel.spokenToday', defaultMessage: 'spoken consent today: {areas}' }, { areas: item.verbalToday.map(label).join(', ') })
        : intl.formatMessage({ id: 'consent.panel.noSpokenToday', defaultMessage: 'no spoken consent yet today' }),
    );
  }
  return <span className="consent__detail">{parts.join(' · ')}</span>;
}

/** The paper path in one action: every form the patient still has to sign, printed blank in the patient's language. */
function PrintNeeded({ patient, forms: needed, locale }: { patient: Patient; forms: ConsentStatus[]; locale: 'en-CA' | 'fr-CA' }) {
  const print = useWrite('consent.print');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const intl = useIntl();
  async function printAll() {
    setMessage(null);
    let printer = '';
    for (const item of needed) {
      const r = await print.mutateAsync({ blankForm: { patientId: patient.id, kind: item.kind, locale: formLocaleFor(patient.language, locale), choices: [] } });
      if (!r.ok) return setMessage({ ok: false, text: intl.formatMessage({ id: 'consent.print.failed', defaultMessage: '{form} was not printed: {reason}' }, { form: item.name, reason: r.error.message }) });
      printer = r.value.printer;
    }
    setMessage({
      ok: true,
      text: intl.formatMessage(
        { id: 'consent.print.sent', defaultMessage: 'Sent {count, plural, one {# form} other {# forms}} to {printer}: {forms}.' },
        { count: needed.length, printer, forms: needed.map((i) => i.name).join('; ') },
      ),
    });
  }
  return (
    <>
      <button type="button" className="button" onClick={printAll} disabled={print.isPending}>
        <FormattedMessage id="consent.print.all" defaultMessage="Print {count, plural, one {the form} other {all # forms}} still needed" values={{ count: needed.length }} />
      </button>
      {message && (
        <p className={`banner ${message.ok ? 'banner--ok' : 'banner--error'}`} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </>
  );
}

/** Where each consent stands for this patient, and what the desk can do about it. */
export function ConsentPanel({ patient }: { patient: Patient }) {
  const status = useRead('consent.status', { patientId: patient.id });
  const history = useRead('consent.history', { patientId: patient.id });
  const templates = useRead('consent.templates', {});
  const clinic = useRead('settings.get', {});
  const [open, setOpen] = useState<Open>(null);
  const intl = useIntl();
  const close = () => setOpen(null);
  const archived = patient.archivedAt !== null;

  if (status.isError) return <Problem message={status.error.message} />;
  if (!status.data || !templates.data || !clinic.data) {
    return (
      <p aria-busy="true">
        <FormattedMessage id="consent.panel.loading" defaultMessage="Loading consent…" />
      </p>
    );
  }

  const templateOf = (kind: ConsentStatus['kind']) => templates.data.templates.find((t) => t.kind === kind)!;
  const desk = intl.locale as Locale;
  // Each form has its name in both languages: the desk reads it in its own.
  const items = kindOrder.map((k) => ({ ...status.data.items.find((i) => i.kind === k)!, name: templateOf(k).locales[desk].name }));
  const state = (s: ConsentStatus['state']) => intl.formatMessage(stateLabels[s]);
  const needed = formsStillNeeded(items);
  const toSign = formsToSign(items);
  // Sensitive areas are needed only when those areas are treated: a warning, not the alarm.
  const attention = items.filter((i) => !needed.includes(i) && (i.state === 'withdrawn' || i.state === 'reconsent' || i.state === 'expired'));
  const timeZone = clinic.data.timeZone;
  const locale = clinic.data.locale;
  const byId = new Map((history.data?.consents ?? []).map((c) => [c.id, c]));

  return (
    <section aria-labelledby="consent-h" className="consent">
      <div className="consent__head">
        <h3 id="consent-h">
          <FormattedMessage id="consent.panel.title" defaultMessage="Consent" />
        </h3>
        {!archived && (
          <button type="button" className="button button--primary" onClick={() => setOpen({ dialog: 'sign' })}>
            <FormattedMessage id="consent.panel.signOnScreen" defaultMessage="Sign on screen…" />
          </button>
        )}
      </div>
      {needed.length > 0 && !archived && (
        <div className="banner banner--error consent__needed" role="status">
          <p>
            <FormattedMessage
              id="consent.panel.needed"
              defaultMessage="<b>Before treatment, still needed:</b> {forms}."
              values={{ b: (c) => <strong>{c}</strong>, forms: needed.map((i) => `${i.name} (${state(i.state).toLowerCase()})`).join('; ') }}
            />
          </p>
          <PrintNeeded patient={patient} forms={toSign} locale={locale} />
        </div>
      )}
      {needed.length === 0 && toSign.length > 0 && !archived && (
        <div className="consent__needed">
          <PrintNeeded patient={patient} forms={toSign} locale={locale} />
        </div>
      )}
      {attention.length > 0 && (
        <div className="banner banner--warning" role="status">
          <FormattedMessage
            id="consent.panel.attention"
            defaultMessage="<b>Consent needs attention before treatment:</b> {forms}."
            values={{ b: (c) => <strong>{c}</strong>, forms: attention.map((i) => `${i.name} — ${state(i.state).toLowerCase()}`).join('; ') }}
          />
        </div>
      )}
      <ul className="consent__list">
        {items.map((item) => {
          const current = item.consentId ? byId.get(item.consentId) : undefined;
          return (
            <li key={item.kind} className="consent__row">
              <div>
                <span className="consent__name">{item.name}</span>
                <span className={`pill pill--${stateTone(item)}`}>{state(item.state)}</span>
                <StatusDetail item={item} template={templateOf(item.kind)} timeZone={timeZone} />
                {current && current.signerRelationship !== 'self' && (
                  <span className="consent__detail">
                    <FormattedMessage
                      id="consent.panel.signedBy"
                      defaultMessage="signed by {name} ({relationship})"
                      values={{ name: current.signerName, relationship: relationshipLabels[desk][current.signerRelationship].toLowerCase() }}
                    />
                  </span>
                )}
              </div>
              <div className="actions">
                {current && (
                  <button type="button" className="button button--small" onClick={() => setOpen({ dialog: 'document', consent: current })}>
                    <FormattedMessage id="consent.panel.viewPdf" defaultMessage="View PDF<hidden> of {form}</hidden>" values={{ form: item.name, hidden }} />
                  </button>
                )}
                {!archived && (
                  <button type="button" className="button button--small" onClick={() => setOpen({ dialog: 'paper', kind: item.kind })}>
                    <FormattedMessage id="consent.panel.onPaper" defaultMessage="On paper…<hidden> for {form}</hidden>" values={{ form: item.name, hidden }} />
                  </button>
                )}
                {!archived && item.kind === 'sensitive_areas' && item.state === 'on_file' && (
                  <button type="button" className="button button--small" onClick={() => setOpen({ dialog: 'verbal' })}>
                    <FormattedMessage id="consent.panel.spoken" defaultMessage="Spoken consent today…" />
                  </button>
                )}
                {!archived && item.kind === 'sensitive_areas' && item.state !== 'on_file' && (
                  <span className="consent__why">
                    <FormattedMessage id="consent.panel.whyNoSpoken" defaultMessage="Spoken consent can be recorded once a written consent for these areas is in force." />
                  </span>
                )}
                {current && !current.withdrawnAt && (
                  <button type="button" className="button button--small" onClick={() => setOpen({ dialog: 'withdraw', consent: current })}>
                    <FormattedMessage id="consent.panel.withdraw" defaultMessage="Withdraw…<hidden> {form}</hidden>" values={{ form: item.name, hidden }} />
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>

      {history.data && history.data.consents.length > 0 && (
        <details className="consent__history">
          <summary>
            <FormattedMessage id="consent.history.title" defaultMessage="Consent history ({count})" values={{ count: history.data.consents.length }} />
          </summary>
          <table>
            <caption className="visually-hidden">
              <FormattedMessage id="consent.history.caption" defaultMessage="Every consent recorded for this patient, newest first" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="consent.history.form" defaultMessage="Form" />
                </th>
                <th scope="col">
                  <FormattedMessage id="consent.history.how" defaultMessage="How" />
                </th>
                <th scope="col">
                  <FormattedMessage id="consent.history.when" defaultMessage="When" />
                </th>
                <th scope="col">
                  <FormattedMessage id="consent.history.by" defaultMessage="Explained or asked by" />
                </th>
                <th scope="col">
                  <FormattedMessage id="consent.history.status" defaultMessage="Status" />
                </th>
              </tr>
            </thead>
            <tbody>
              {history.data.consents.map((c) => (
                <tr key={c.id}>
                  <td>
                    {c.templateName} (v{c.templateVersion})
                  </td>
                  <td>
                    {intl.formatMessage(methodLabels[c.method])}
                    {c.signerRelationship !== 'self' && (
                      <>
                        {' '}
                        <FormattedMessage
                          id="consent.history.substitute"
                          defaultMessage="by {name} ({relationship})"
                          values={{ name: c.signerName, relationship: relationshipLabels[desk][c.signerRelationship].toLowerCase() }}
                        />
                      </>
                    )}
                  </td>
                  <td>{when(c.signedAt, desk, timeZone)}</td>
                  <td>{c.explainedBy}</td>
                  <td>
                    {c.withdrawnAt ? (
                      <FormattedMessage
                        id="consent.history.withdrawn"
                        defaultMessage="Withdrawn {day} by {name}: {reason}"
                        values={{ day: dayIn(timeZone, c.withdrawnAt), name: c.withdrawnBy, reason: c.withdrawnReason }}
                      />
                    ) : (
                      <FormattedMessage id="consent.history.active" defaultMessage="Active" />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}

      {open?.dialog === 'sign' && <PrepareSigningDialog patient={patient} items={items} open onClose={close} defaultLocale={formLocaleFor(patient.language, locale)} />}
      {open?.dialog === 'paper' && <PaperDialog patient={patient} template={templateOf(open.kind)} open onClose={close} defaultLocale={formLocaleFor(patient.language, locale)} timeZone={timeZone} />}
      {open?.dialog === 'verbal' && <VerbalDialog patient={patient} template={templateOf('sensitive_areas')} written={items.find((i) => i.kind === 'sensitive_areas')!} open onClose={close} />}
      {open?.dialog === 'withdraw' && <WithdrawDialog consentId={open.consent.id} name={open.consent.templateName} open onClose={close} />}
      {open?.dialog === 'document' && <DocumentDialog consentId={open.consent.id} title={intl.formatMessage({ id: 'consent.document.title', defaultMessage: '{form}, version {version}' }, { form: open.consent.templateName, version: open.consent.templateVersion })} open onClose={close} />}
    </section>
  );
}
