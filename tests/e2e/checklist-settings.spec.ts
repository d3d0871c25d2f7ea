import type { Page } from '@playwright/test';
import { test, expect, openApp, tabTo } from './fixtures';
import { expectNoEnglish } from './english';
import { clinicProfile } from '../support/fixtures';
import type { ChecklistItem } from '../../shared/contract/checklist';

/** The clinic's safety checklist in Settings (issue 9 item 5), by an admin, keyboard only, at 1366×768. */
test.use({ viewport: { width: 1366, height: 768 } });

const itemsOf = async (app: { dispatch(c: string, i: unknown): Promise<unknown> }) => ((await app.dispatch('checklist.items', {})) as { value: { items: ChecklistItem[] } }).value.items;

async function typeInto(page: Page, name: string, text: string) {
  await tabTo(page, page.getByRole('textbox', { name, exact: true }));
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

test('an admin adds, rewords, reorders and retires checklist items with the keyboard; main’s refusal shows at the field', async ({ page, appUrl, app }) => {
  const [cleaned, hands, mask, air] = await itemsOf(app);
  await openApp(page, `${appUrl}#/settings`);
  const section = page.getByRole('region', { name: 'Safety checklist' });
  await expect(section.getByRole('textbox', { name: 'Item 1 in English', exact: true })).toHaveValue(cleaned.en);

  // A new item left empty is refused by main, next to its field; nothing is saved.
  await tabTo(page, section.getByRole('button', { name: 'Add an item' }));
  await page.keyboard.press('Enter');
  await expect(section.getByRole('textbox', { name: 'Item 5 in English', exact: true })).toBeFocused();
  await tabTo(page, section.getByRole('button', { name: 'Save the checklist' }));
  await page.keyboard.press('Enter');
  await expect(section.getByRole('textbox', { name: 'Item 5 in English', exact: true })).toHaveAccessibleDescription(/Write the item in English/);
  expect(await itemsOf(app)).toHaveLength(4);

  await typeInto(page, 'Item 5 in English', 'Fresh linen on the table');
  await typeInto(page, 'Item 5 in French', 'Draps propres sur la table');
  // Up twice: the same button keeps the focus as the item climbs (its name follows its place).
  await tabTo(page, section.getByRole('button', { name: 'Move item 5 up' }));
  await page.keyboard.press('Enter');
  await expect(section.getByRole('button', { name: 'Move item 4 up' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(section.getByRole('button', { name: 'Move item 3 up' })).toBeFocused();
  await expect(section.getByRole('textbox', { name: 'Item 3 in English', exact: true })).toHaveValue('Fresh linen on the table');
  // Reworded, and one retired.
  await typeInto(page, 'Item 1 in English', 'Table, face cradle and handles disinfected');
  await tabTo(page, section.getByRole('button', { name: 'Retire item 2' }));
  await page.keyboard.press('Enter');
  await expect(section.getByRole('listitem').filter({ hasText: hands.en }).getByRole('button', { name: 'Use again' })).toBeVisible();
  await tabTo(page, section.getByRole('button', { name: 'Save the checklist' }));
  await page.keyboard.press('Enter');
  await expect(section.getByRole('status')).toHaveText('Checklist saved.');

  const items = await itemsOf(app);
  expect(items.map((i) => [i.en, i.active])).toEqual([
    ['Table, face cradle and handles disinfected', true],
    ['Fresh linen on the table', true],
    [mask.en, true],
    [air.en, true],
    [hands.en, false],
  ]);
  expect(items[0].id).toBe(cleaned.id);
  await page.screenshot({ path: 'test-results/checklist-settings.png' });
});

test('the checklist section speaks French in a French clinic', async ({ page, appUrl, app }) => {
  await app.dispatch('settings.update', clinicProfile({ locale: 'fr-CA' }));
  const [, hands] = await itemsOf(app);
  await openApp(page, `${appUrl}#/settings`);
  const section = page.getByRole('region', { name: 'Liste de sécurité' });
  await tabTo(page, section.getByRole('button', { name: 'Retirer l’élément 2' }));
  await page.keyboard.press('Enter');
  await expect(section.getByRole('listitem').filter({ hasText: hands.fr }).getByRole('button', { name: 'Remettre en usage' })).toBeVisible();
  await expectNoEnglish(section, ['Safety checklist', 'Item', 'English', 'French', 'Move', 'Retire', 'Retired', 'Use again', 'Add an item', 'Save', 'Ticked']);
  await section.screenshot({ path: 'docs/checklist-settings-fr.png' });
});

test('an item typed and not saved holds the page: leaving asks first, in French, and discarding writes nothing', async ({ page, appUrl, app }) => {
  await app.dispatch('settings.update', clinicProfile({ locale: 'fr-CA' }));
  await openApp(page, `${appUrl}#/settings`);
  const section = page.getByRole('region', { name: 'Liste de sécurité' });
  await tabTo(page, section.getByRole('button', { name: 'Ajouter un élément' }));
  await page.keyboard.press('Enter');
  await page.keyboard.type('Draps propres');
  await page.keyboard.press('Alt+3');
  const question = page.getByRole('dialog', { name: /^Abandonner les changements saisis/ });
  await expect(question.getByRole('button', { name: 'Continuer la saisie' })).toBeFocused();
  await tabTo(page, question.getByRole('button', { name: 'Abandonner les changements' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Suivis', level: 1 })).toBeVisible();
  expect(await itemsOf(app)).toHaveLength(4);
});
