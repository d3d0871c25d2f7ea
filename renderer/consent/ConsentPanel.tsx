import { useState } from 'react';
import type { ConsentRecord, ConsentStatus, TemplateVersion } from '../../shared/contract/consent';
import type { Patient } from '../../shared/contract/patients';
import { useRead, useWrite } from '../ipc/hooks';
import { DocumentDialog, PaperDialog, PrepareSigningDialog, VerbalDialog, WithdrawDialog } from './ConsentDialogs';
import { choiceLabel, kindOrder, methodLabels, stateLabels, stateTone, when } from './words';
import { Problem } from '../ui/FormEnd';
import { dayIn } from '../../shared/time';
import { formLocaleFor, formsStillNeeded, formsToSign } from '../../shared/consent/needs';
import { relationshipLabels } from '../../shared/consent/signer';

type Open =
  | { dialog: 'sign' }
  | { dialog: 'paper'; kind: ConsentStatus['kind'] }
  | { dialog: 'verbal' }
  | { dialog: 'withdraw'; consent: ConsentRecord }
  | { dialog: 'document'; consent: ConsentRecord }
  | null;

function StatusDetail({ item, template, timeZone }: { item: ConsentStatus; template: TemplateVersion; timeZone: string }) {
  const label = (c: string) => choiceLabel(template, c);
  const parts: string[] = [];
  if (item.signedAt) parts.push(`signed ${dayIn(timeZone, item.signedAt)}, version ${item.version}`);
  if (item.state === 'reconsent') parts.push(`the form changed (now version ${item.currentVersion})`);
  if (item.expiresOn && item.state !== 'withdrawn') parts.push(`${item.state === 'expired' ? 'expired' : 'valid until'} ${item.expiresOn}`);
  if (item.choices.length) parts.push(item.choices.map(label).join(', '));
  if (item.kind === 'sensitive_areas' && item.state === 'on_file') {
    parts.push(item.verbalToday.length ? `spoken consent today: ${item.verbalToday.map(label).join(', ')}` : 'no spoken consent yet today');
  }
  return <span className="consent__detail">{parts.join(' · ')}</span>;
}

/** The paper path in one action: every form the patient still has to sign, printed blank in the patient's language. */
function PrintNeeded({ patient, forms: needed, locale }: { patient: Patient; forms: ConsentStatus[]; locale: 'en-CA' | 'fr-CA' }) {
  const print = useWrite('consent.print');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  async function printAll() {
    setMessage(null);
    let printer = '';
    for (const item of needed) {
      const r = await print.mutateAsync({ blankForm: { patientId: patient.id, kind: item.kind, locale: formLocaleFor(patient.language, locale), choices: [] } });
      if (!r.ok) return setMessage({ ok: false, text: `${item.name} was not printed: ${r.error.message}` });
      printer = r.value.printer;
    }
    setMessage({ ok: true, text: `Sent ${needed.length === 1 ? '1 form' : `${needed.length} forms`} to ${printer}: ${needed.map((i) => i.name).join('; ')}.` });
  }
  return (
    <>
      <button type="button" className="button" onClick={printAll} disabled={print.isPending}>
        Print {needed.length === 1 ? 'the form' : `all ${needed.length} forms`} still needed
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
  const close = () => setOpen(null);
  const archived = patient.archivedAt !== null;

  if (status.isError) return <Problem message={status.error.message} />;
  if (!status.data || !templates.data || !clinic.data) return <p aria-busy="true">Loading consent…</p>;

  const items = kindOrder.map((k) => status.data.items.find((i) => i.kind === k)!);
  const templateOf = (kind: ConsentStatus['kind']) => templates.data.templates.find((t) => t.kind === kind)!;
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
        <h3 id="consent-h">Consent</h3>
        {!archived && (
          <button type="button" className="button button--primary" onClick={() => setOpen({ dialog: 'sign' })}>
            Sign on screen…
          </button>
        )}
      </div>
      {needed.length > 0 && !archived && (
        <div className="banner banner--error consent__needed" role="status">
          <p>
            <strong>Before treatment, still needed:</strong> {needed.map((i) => `${i.name} (${stateLabels[i.state].toLowerCase()})`).join('; ')}.
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
          <strong>Consent needs attention before treatment:</strong>{' '}
          {attention.map((i) => `${i.name} — ${stateLabels[i.state].toLowerCase()}`).join('; ')}.
        </div>
      )}
      <ul className="consent__list">
        {items.map((item) => {
          const current = item.consentId ? byId.get(item.consentId) : undefined;
          return (
            <li key={item.kind} className="consent__row">
              <div>
                <span className="consent__name">{item.name}</span>
                <span className={`pill pill--${stateTone(item)}`}>{stateLabels[item.state]}</span>
                <StatusDetail item={item} template={templateOf(item.kind)} timeZone={timeZone} />
                {current && current.signerRelationship !== 'self' && (
                  <span className="consent__detail">
                    signed by {current.signerName} ({relationshipLabels['en-CA'][current.signerRelationship].toLowerCase()})
                  </span>
                )}
              </div>
              <div className="actions">
                {current && (
                  <button type="button" className="button button--small" onClick={() => setOpen({ dialog: 'document', consent: current })}>
                    View PDF<span className="visually-hidden"> of {item.name}</span>
                  </button>
                )}
                {!archived && (
                  <button type="button" className="button button--small" onClick={() => setOpen({ dialog: 'paper', kind: item.kind })}>
                    On paper…<span className="visually-hidden"> for {item.name}</span>
                  </button>
                )}
                {!archived && item.kind === 'sensitive_areas' && item.state === 'on_file' && (
                  <button type="button" className="button button--small" onClick={() => setOpen({ dialog: 'verbal' })}>
                    Spoken consent today…
                  </button>
                )}
                {!archived && item.kind === 'sensitive_areas' && item.state !== 'on_file' && (
                  <span className="consent__why">Spoken consent can be recorded once a written consent for these areas is in force.</span>
                )}
                {current && !current.withdrawnAt && (
                  <button type="button" className="button button--small" onClick={() => setOpen({ dialog: 'withdraw', consent: current })}>
                    Withdraw…<span className="visually-hidden"> {item.name}</span>
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>

      {history.data && history.data.consents.length > 0 && (
        <details className="consent__history">
          <summary>Consent history ({history.data.consents.length})</summary>
          <table>
            <caption className="visually-hidden">Every consent recorded for this patient, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Form</th>
                <th scope="col">How</th>
                <th scope="col">When</th>
                <th scope="col">Explained or asked by</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {history.data.consents.map((c) => (
                <tr key={c.id}>
                  <td>
                    {c.templateName} (v{c.templateVersion})
                  </td>
                  <td>
                    {methodLabels[c.method]}
                    {c.signerRelationship !== 'self' && ` by ${c.signerName} (${relationshipLabels['en-CA'][c.signerRelationship].toLowerCase()})`}
                  </td>
                  <td>{when(c.signedAt, timeZone)}</td>
                  <td>{c.explainedBy}</td>
                  <td>{c.withdrawnAt ? `Withdrawn ${dayIn(timeZone, c.withdrawnAt)} by ${c.withdrawnBy}: ${c.withdrawnReason}` : 'Active'}</td>
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
      {open?.dialog === 'document' && <DocumentDialog consentId={open.consent.id} title={`${open.consent.templateName}, version ${open.consent.templateVersion}`} open onClose={close} />}
    </section>
  );
}
