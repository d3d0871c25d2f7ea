import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { pdfText } from '../support/pdf';
import { cupsOutputFolder } from '../support/cups';
import type { Locator, Page } from '@playwright/test';
import type { App } from '../../main/app/context';
import type { Patient } from '../../shared/contract/patients';
import { test, expect, drawSignature, openApp } from './fixtures';
import { clinicProfile, patientInput } from '../support/fixtures';
import { testPin, testStaff } from '../support/node-app';

const clinic = clinicProfile();

async function setUp(app: App, overrides = {}): Promise<Patient> {
  const r = await app.dispatch('settings.update', clinic);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const p = await app.dispatch('patients.create', { patient: patientInput(overrides) });
  if (!p.ok) throw new Error(JSON.stringify(p.error));
  return p.value as Patient;
}

const row = (page: Page, name: string) => page.getByRole('listitem').filter({ hasText: name });

test('a new patient signs the treatment and outbreak consents on screen, in patient mode', async ({ page, appUrl, app }) => {
  await setUp(app);
  await openApp(page, `${appUrl}#/patients`);
  // Opened from the list, as at the desk: Back has somewhere to go inside the app.
  await page.getByRole('option', { name: /O'Brien-Müller, Zoë/ }).click();
  await page.getByRole('button', { name: 'Sign on screen…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign consent forms on screen' });
  await expect(dialog.getByLabel(/Informed consent to treatment/)).toBeChecked();
  await expect(dialog.getByLabel(/outbreak/)).toBeChecked();
  await dialog.getByLabel('Privacy consent', { exact: false }).uncheck();
  await expect(dialog.getByText(`Explained by: ${testStaff.admin.name}`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Hand the screen to the patient' }).click();

  // Patient mode: only the form; no navigation, shortcuts do nothing.
  await expect(page.getByRole('heading', { level: 1, name: 'Informed consent to treatment' })).toBeVisible();
  await expect(page.getByText('Form 1 of 2')).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await page.keyboard.press('Alt+2');
  await page.keyboard.press('Alt+N');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Informed consent to treatment' })).toBeVisible();
  // Main holds patient mode: a reload comes back to the form, not to the desk's screens.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Informed consent to treatment' })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);

  // No signature, no consent.
  await page.getByRole('button', { name: 'I agree and sign' }).click();
  await expect(page.getByText('Please sign in the box first')).toBeVisible();
  await drawSignature(page, page.getByRole('img', { name: /Sign in the box/ }));
  await page.getByRole('button', { name: 'I agree and sign' }).click();

  await expect(page.getByText('Form 2 of 2')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: /communicable-disease outbreak/ })).toBeVisible();
  await drawSignature(page, page.getByRole('img', { name: /Sign in the box/ }));
  await page.getByRole('button', { name: 'I agree and sign' }).click();

  await expect(page.getByText('Please hand the screen back to the front desk')).toBeVisible();
  // Leaving needs a staff member's own PIN: a wrong one keeps the patient in.
  await expect(page.getByLabel('Staff member')).toHaveValue(/.+/);
  await page.getByLabel('Your PIN').fill('111111');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('That PIN is not right')).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await page.getByLabel('Your PIN').fill(testPin);
  await page.getByRole('button', { name: 'Unlock' }).click();

  await expect(page.getByRole('heading', { level: 2, name: "Zoë O'Brien-Müller" })).toBeVisible();
  await expect(row(page, 'Informed consent to treatment')).toContainText('On file');
  await expect(row(page, 'outbreak')).toContainText('On file');
  await expect(row(page, 'Privacy consent')).toContainText('Missing');
  const files = await readdir(app.paths.documents);
  expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(2);

  // The stored PDF opens in the in-app viewer, checked against its hash.
  await row(page, 'Informed consent to treatment').getByRole('button', { name: /View PDF/ }).click();
  await expect(page.getByRole('img', { name: /page 1 of/ })).toBeVisible();
  // Plain words at the desk; the hash is kept in the audit log.
  await expect(page.getByText('Unchanged since it was signed')).toBeVisible();
  await expect(page.getByText(/SHA-256/)).toHaveCount(0);
  const checked = await app.db('audit_events').where({ action: 'consent.document_verified' }).pluck('detail');
  expect(JSON.parse(checked[0])).toMatchObject({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
});

test('a patient signs on paper; sensitive areas for gluteal only; a consent is withdrawn', async ({ page, appUrl, app }) => {
  const patient = await setUp(app, { firstName: 'Łukasz', lastName: 'Wójcik', dateOfBirth: '1979-11-02', phones: [{ label: 'home', number: '250 555 7781' }] });
  await openApp(page, `${appUrl}#/patients/${patient.id}`);

  // Paper: the blank form previews, then its return is recorded.
  await row(page, 'Consent to treatment of sensitive areas').getByRole('button', { name: /On paper/ }).click();
  const paper = page.getByRole('dialog', { name: /sensitive areas: on paper/ });
  await expect(paper.getByRole('img', { name: /Form to sign on paper, page 1/ })).toBeVisible();
  await paper.getByLabel('Gluteal region (buttocks)').check();
  // Esc with a choice made asks first, and keeping on leaves the choice as it was.
  await page.keyboard.press('Escape');
  const question = page.getByRole('dialog', { name: 'Discard the changes you typed?' });
  await expect(question.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(question).toBeHidden();
  await expect(paper.getByLabel('Gluteal region (buttocks)')).toBeChecked();
  // The scan's chooser speaks the clinic's language, whatever the computer's: a wrong
  // kind of file is refused at once, the right one is named, and can be taken back.
  const scan = paper.getByLabel('Scan of the signed form (optional)');
  await expect(paper.getByText('No file chosen')).toBeVisible();
  await scan.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a scan') });
  await expect(paper.getByRole('alert')).toHaveText('Attach a PDF, PNG or JPEG scan');
  await scan.setInputFiles({ name: 'signed-form.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 a scan') });
  await expect(paper.getByText('signed-form.pdf')).toBeVisible();
  await expect(paper.getByRole('alert')).toHaveCount(0);
  await paper.getByRole('button', { name: 'Remove the file' }).click();
  await expect(paper.getByText('No file chosen')).toBeVisible();
  // The focus stays in the field, and the button's words name it too (said aloud, they find it).
  await expect(scan).toBeFocused();
  await expect(paper.getByLabel('Choose a file…')).toBeFocused();
  await scan.setInputFiles({ name: 'signed-form.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 a scan') });
  await paper.getByRole('button', { name: 'Record paper signature' }).click();
  await expect(paper).toBeHidden();
  const sensitive = row(page, 'Consent to treatment of sensitive areas');
  await expect(sensitive).toContainText('On file');
  await expect(sensitive).toContainText('Gluteal region (buttocks)');
  await expect(sensitive).not.toContainText('Breast');
  expect(await app.db('consents').whereNotNull('scan_file').count({ n: '*' })).toEqual([{ n: 1 }]);

  // Spoken consent at the visit, for the same area.
  await sensitive.getByRole('button', { name: 'Spoken consent today…' }).click();
  const verbal = page.getByRole('dialog', { name: 'Record spoken consent for today' });
  await verbal.getByRole('button', { name: 'Record spoken consent' }).click();
  await expect(verbal.getByText('Choose the areas the patient agreed to today')).toBeVisible();
  await verbal.getByLabel('Gluteal region (buttocks)').check();
  await verbal.getByRole('button', { name: 'Record spoken consent' }).click();
  await expect(sensitive).toContainText('spoken consent today: Gluteal region (buttocks)');

  // Withdrawal: recorded with reason and who, kept in the history, flagged before treatment.
  await sensitive.getByRole('button', { name: /Withdraw/ }).click();
  const withdraw = page.getByRole('dialog', { name: /Withdraw/ });
  await withdraw.getByLabel('Reason given').fill('Prefers no treatment of this area');
  await page.keyboard.press('Escape');
  await expect(question.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(withdraw.getByLabel('Reason given')).toHaveValue('Prefers no treatment of this area');
  await withdraw.getByRole('button', { name: 'Withdraw consent' }).click();
  await expect(sensitive).toContainText('Withdrawn');
  await expect(page.getByRole('status').filter({ hasText: 'Consent needs attention before treatment' })).toContainText('withdrawn');
  await page.getByText(/Consent history/).click();
  await expect(page.getByRole('cell', { name: /Withdrawn .* by Priya Natarajan, RMT: Prefers no treatment/ })).toBeVisible();
});

test('a material change to a form asks patients who signed the old version to consent again', async ({ page, appUrl, app }) => {
  const patient = await setUp(app);
  const templates = (await app.dispatch('consent.templates', {})) as { ok: true; value: { templates: Array<{ kind: string; version: number }> } };
  expect(templates.ok).toBe(true);
  const signed = await app.services.consent.sign({
    patientId: patient.id, kind: 'outbreak', locale: 'en-CA', choices: [], templateVersion: 1,
    signature: { method: 'paper', signerName: 'Zoë', signerRelationship: 'self', signedOn: new Date().toLocaleDateString('en-CA', { timeZone: clinic.timeZone }) },
    explainedBy: 'Marc Tremblay', witnessedBy: '',
  });
  expect(signed.ok).toBe(true);

  await openApp(page, `${appUrl}#/consent-forms`);
  await page.getByRole('button', { name: /Edit wording… of Consent to treatment during a communicable-disease outbreak/ }).click();
  const text = page.getByLabel('Section 2 text (English)');
  await text.fill(`${await text.inputValue()}\n\nEveryone in the clinic wears a medical mask.`);
  await page.getByLabel('What changed, and why').fill('Masks are now required for everyone');
  await page.getByLabel(/Material change/).check();
  await page.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(page.getByText('Version 2', { exact: false }).first()).toBeVisible();

  await openApp(page, `${appUrl}#/patients/${patient.id}`);
  await expect(row(page, 'outbreak')).toContainText('Re-consent needed');
  await expect(page.getByRole('status').filter({ hasText: 'Before treatment, still needed' })).toContainText('Consent to treatment during a communicable-disease outbreak (re-consent needed)');
});

/** The desk sets up on-screen signing with the keyboard; who explains is the person signed in. */
async function handOver(page: Page, setUp: (dialog: Locator) => Promise<void> = async () => {}) {
  await page.getByRole('button', { name: 'Sign on screen…' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Sign consent forms on screen' });
  await setUp(dialog);
  await expect(dialog.getByText(`Explained by: ${testStaff.admin.name}`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Hand the screen to the patient' }).press('Enter');
  await expect(dialog).toBeHidden();
}

const activeConsents = async (app: App, patientId: string) => Number((await app.db('consents').where({ patient_id: patientId }).whereNull('withdrawn_at').count({ n: '*' }))[0].n);

test('patient mode resumes at the next form after a reload, and a finished session stays finished', async ({ page, appUrl, app }) => {
  const patient = await setUp(app);
  await openApp(page, `${appUrl}#/patients/${patient.id}`);
  await handOver(page, (dialog) => dialog.getByLabel('Privacy consent', { exact: false }).uncheck());

  await expect(page.getByText('Form 1 of 2')).toBeVisible();
  await drawSignature(page, page.getByRole('img', { name: /Sign in the box/ }));
  await page.getByRole('button', { name: 'I agree and sign' }).click();
  await expect(page.getByText('Form 2 of 2')).toBeVisible();
  expect(await activeConsents(app, patient.id)).toBe(1);

  // Reloading mid-session comes back to the form not yet signed, not to the first.
  await page.reload();
  await expect(page.getByText('Form 2 of 2')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: /communicable-disease outbreak/ })).toBeVisible();
  await drawSignature(page, page.getByRole('img', { name: /Sign in the box/ }));
  await page.getByRole('button', { name: 'I agree and sign' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Please hand the screen back to the front desk')).toBeVisible();

  // After "thank you", a reload shows only the hand-back screen: no form to sign again.
  await page.reload();
  await expect(page.getByText('Please hand the screen back to the front desk')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'I agree and sign' })).toHaveCount(0);
  expect(await activeConsents(app, patient.id)).toBe(2);

  await page.getByLabel('Your PIN').fill(testPin);
  await page.getByLabel('Your PIN').press('Enter');
  await expect(row(page, 'Informed consent to treatment')).toContainText('On file');
  await page.getByText(/Consent history/).click();
  await expect(page.getByRole('row')).toHaveCount(3);
});

test('missing consents needed before treatment are the loudest thing on the record; spoken consent is offered only when it can be recorded', async ({ page, appUrl, app }) => {
  const patient = await setUp(app);
  await openApp(page, `${appUrl}#/patients/${patient.id}`);
  const alarm = page.getByRole('status').filter({ hasText: 'Before treatment, still needed' });
  await expect(alarm).toHaveClass(/banner--error/);
  await expect(alarm).toContainText('Informed consent to treatment (missing)');
  await expect(alarm).toContainText('Consent to treatment during a communicable-disease outbreak (missing)');
  // Privacy does not stop a treatment: still to sign, amber, not in the alarm.
  await expect(alarm).not.toContainText('Privacy');
  await expect(alarm).not.toContainText('sensitive areas');
  await expect(row(page, 'Informed consent to treatment').locator('.pill')).toHaveClass(/pill--danger/);
  await expect(row(page, 'Privacy consent').locator('.pill')).toHaveClass(/pill--warn/);
  // Sensitive areas are asked for only when those areas are treated: not an alarm.
  const sensitive = row(page, 'Consent to treatment of sensitive areas');
  await expect(sensitive.locator('.pill')).toHaveClass(/pill--muted/);

  // No written consent in force: spoken consent is not offered, and the row says why.
  await expect(sensitive.getByRole('button', { name: /Spoken consent/ })).toHaveCount(0);
  await expect(sensitive).toContainText('once a written consent for these areas is in force');
  await app.services.consent.sign({
    patientId: patient.id, kind: 'sensitive_areas', locale: 'en-CA', choices: ['chest_wall', 'gluteal'], templateVersion: 1,
    signature: { method: 'paper', signerName: 'Zoë', signerRelationship: 'self', signedOn: new Date().toLocaleDateString('en-CA', { timeZone: clinic.timeZone }) },
    explainedBy: 'Marc Tremblay', witnessedBy: '',
  });
  await page.reload();
  await sensitive.getByRole('button', { name: 'Spoken consent today…' }).click();
  const verbal = page.getByRole('dialog', { name: 'Record spoken consent for today' });
  // The areas it asks for are on screen: those the written consent covers, and only those.
  await expect(verbal.getByRole('checkbox')).toHaveCount(2);
  await expect(verbal.getByLabel('Chest wall', { exact: false })).toBeVisible();
  await expect(verbal.getByLabel('Breast', { exact: true })).toHaveCount(0);
});

test('patient mode speaks French to a French-speaking patient, on every word, and every control shows its focus', async ({ page, appUrl, app }) => {
  const patient = await setUp(app, { language: 'Français', preferredContact: 'email' });
  await openApp(page, `${appUrl}#/patients/${patient.id}`);
  await handOver(page, async (dialog) => {
    await expect(dialog.getByLabel('Language of the forms')).toHaveValue('fr-CA');
    await dialog.getByLabel(/Informed consent to treatment/).uncheck();
    await dialog.getByLabel(/outbreak/).uncheck();
  });

  await expect(page.getByText('Formulaire 1 sur 1')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('renseignements personnels');
  // The preferred contact is ticked first; "do not contact me" is an answer of its own.
  await expect(page.getByLabel('Courriel')).toBeChecked();
  await expect(page.getByLabel('Appel téléphonique')).not.toBeChecked();
  await page.getByLabel('Ne pas me contacter').check();
  await expect(page.getByLabel('Courriel')).not.toBeChecked();
  await page.getByLabel('Ne pas me contacter').uncheck();
  await page.getByRole('button', { name: 'J’accepte et je signe' }).click();
  await expect(page.getByText('Veuillez d’abord signer dans le cadre')).toBeVisible();
  // Main refuses no choice at all, and the patient reads why in French.
  await page.getByLabel('Courriel').uncheck();
  await drawSignature(page, page.getByRole('img', { name: /Signez dans le cadre/ }));
  await page.getByRole('button', { name: 'J’accepte et je signe' }).click();
  await expect(page.getByText('Cochez comment nous pouvons vous joindre, ou « Ne pas me contacter »')).toBeVisible();
  await expect(page.locator('.patient-mode')).not.toContainText(/\b(Sign|Please|Unlock|Staff|Form|Your)\b/);

  // The staff exit: reachable by keyboard, visibly focused on the dark bar.
  const exit = page.getByRole('button', { name: 'Sortie (personnel)' });
  await page.getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('Shift+Tab');
  await expect(exit).toBeFocused();
  const look = await exit.evaluate((el) => {
    const s = getComputedStyle(el);
    const bar = getComputedStyle(el.parentElement!);
    return { color: s.color, background: s.backgroundColor === 'rgba(0, 0, 0, 0)' ? bar.backgroundColor : s.backgroundColor, outline: s.outlineStyle, outlineColor: s.outlineColor };
  });
  expect(look.color).toBe('rgb(255, 255, 255)');
  expect(look.background).not.toMatch(/rgb\((2[0-9]{2}), (2[0-9]{2}), (2[0-9]{2})\)/);
  expect(look.outline).not.toBe('none');
  expect(look.outlineColor).toBe('rgb(255, 255, 255)');
  await exit.hover();
  expect(await exit.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toMatch(/rgb\((2[0-9]{2}), (2[0-9]{2}), (2[0-9]{2})\)/);

  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Personnel : déverrouiller' })).toBeVisible();
  await page.getByLabel('Votre NIP').fill('1111');
  await page.getByLabel('Votre NIP').press('Enter');
  await expect(page.getByText('Ce NIP n’est pas le bon')).toBeVisible();
  await page.getByRole('button', { name: 'Retour au formulaire' }).click();
  await page.getByLabel('Ne pas me contacter').check();
  await page.getByRole('button', { name: 'J’accepte et je signe' }).click();
  await expect(page.getByText('Merci. Veuillez remettre l’écran à la réception.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Déverrouiller' })).toBeVisible();
  await expect(page.locator('.patient-mode')).not.toContainText(/\b(Sign|Please|Unlock|Staff|Thank|Back)\b/);
  await page.getByLabel('Votre NIP').fill(testPin);
  await page.getByLabel('Votre NIP').press('Enter');

  // "Do not contact me" is on the record as the answer it is.
  const privacy = row(page, 'Privacy consent');
  await expect(privacy).toContainText('On file');
  await expect(privacy).toContainText('Do not contact me');
});

test('a parent signs for a 16-year-old: name and relationship on the record and on the PDF', async ({ page, appUrl, app }) => {
  const sixteen = new Date();
  sixteen.setFullYear(sixteen.getFullYear() - 16, sixteen.getMonth(), sixteen.getDate() - 10);
  const patient = await setUp(app, { firstName: 'Maëlle', lastName: 'Nguyễn', dateOfBirth: sixteen.toISOString().slice(0, 10), phones: [{ label: 'home', number: '604 555 0188' }] });
  await openApp(page, `${appUrl}#/patients/${patient.id}`);
  await handOver(page, async (dialog) => {
    await dialog.getByLabel(/outbreak/).uncheck();
    await dialog.getByLabel('Privacy consent', { exact: false }).uncheck();
    await expect(dialog.getByText('Maëlle is 16')).toBeVisible();
    await dialog.getByLabel('Who signs').selectOption('parent');
    await dialog.getByLabel('Name of the person signing').fill('Thảo Nguyễn');
  });

  await expect(page.getByText('You are signing for Maëlle Nguyễn, as: Parent')).toBeVisible();
  await expect(page.getByLabel('Your name')).toHaveValue('Thảo Nguyễn');
  await drawSignature(page, page.getByRole('img', { name: /Sign in the box/ }));
  await page.getByRole('button', { name: 'I agree and sign' }).click();
  await page.getByLabel('Your PIN').fill(testPin);
  await page.getByLabel('Your PIN').press('Enter');

  const treatment = row(page, 'Informed consent to treatment');
  await expect(treatment).toContainText('signed by Thảo Nguyễn (parent)');
  const [consent] = await app.db('consents').where({ patient_id: patient.id });
  expect(consent).toMatchObject({ signer_name: 'Thảo Nguyễn', signer_relationship: 'parent' });
  const text = (await pdfText(path.join(app.paths.documents, `${consent.id}.pdf`))).replace(/\s+/g, ' ');
  expect(text).toContain('Thảo Nguyễn');
  expect(text).toContain('Parent, signing for Maëlle Nguyễn');
});

test('every form the patient still needs prints in one action, in the patient’s language', async ({ page, appUrl, app }) => {
  const patient = await setUp(app, { language: 'French' });
  await app.services.consent.sign({
    patientId: patient.id, kind: 'treatment', locale: 'fr-CA', choices: [], templateVersion: 1,
    signature: { method: 'paper', signerName: 'Zoë', signerRelationship: 'self', signedOn: new Date().toLocaleDateString('en-CA', { timeZone: clinic.timeZone }) },
    explainedBy: 'Marc Tremblay', witnessedBy: '',
  });
  await openApp(page, `${appUrl}#/patients/${patient.id}`);
  const started = Date.now();
  const print = page.getByRole('button', { name: 'Print all 2 forms still needed' });
  await print.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Sent 2 forms to Rapport_PDF/)).toContainText('Consent to treatment during a communicable-disease outbreak; Privacy consent');

  // Read back what the printer made: both forms, blank, in French, for this patient.
  const folder = await cupsOutputFolder();
  const printed = async () => {
    const files = (await readdir(folder)).filter((f) => f.endsWith('.pdf'));
    // A file cups-pdf is still writing cannot be read yet: the next poll reads it whole.
    const read = async (f: string) => ((await stat(path.join(folder, f))).mtimeMs >= started - 1000 ? pdfText(path.join(folder, f)).catch(() => '') : '');
    const fresh = await Promise.all(files.map(read));
    return fresh.filter((t) => t.includes("Zoë O'Brien-Müller"));
  };
  await expect.poll(async () => (await printed()).length, { timeout: 30_000 }).toBe(2);
  const texts = (await printed()).join('\n');
  expect(texts).toContain('Consentement au traitement en période d’éclosion');
  expect(texts).toContain('renseignements personnels');
  expect(texts).toContain('Ne pas me contacter');
});

test('on paper, the privacy form starts with the preferred contact ticked, and "do not contact me" is recorded as the answer', async ({ page, appUrl, app }) => {
  const patient = await setUp(app, { preferredContact: 'email' });
  await openApp(page, `${appUrl}#/patients/${patient.id}`);
  await row(page, 'Privacy consent').getByRole('button', { name: /On paper/ }).click();
  const paper = page.getByRole('dialog', { name: /Privacy consent: on paper/ });
  await expect(paper.getByLabel('E-mail')).toBeChecked();
  await expect(paper.getByLabel('Phone call')).not.toBeChecked();
  await paper.getByLabel('E-mail').uncheck();
  await paper.getByRole('button', { name: 'Record paper signature' }).click();
  // No box ticked is not an answer: main says what is missing, at the boxes.
  await expect(paper.getByText('Tick how the clinic may contact the patient, or “Do not contact me”')).toBeVisible();
  await paper.getByLabel('Do not contact me').check();
  await paper.getByRole('button', { name: 'Record paper signature' }).click();
  await expect(paper).toBeHidden();
  await expect(row(page, 'Privacy consent')).toContainText('On file');
  await expect(row(page, 'Privacy consent')).toContainText('Do not contact me');
});
