import { test, expect, openApp } from './fixtures';
import { clinicProfile } from '../support/fixtures';

/**
 * The desk speaks the clinic's language. Each screen's own spec walks it in French; this
 * one checks the frame around them and that the language changes with the setting.
 */
test('a French-speaking clinic’s desk speaks French, and changes with the setting', async ({ page, appUrl, app }) => {
  await app.dispatch('settings.update', clinicProfile({ locale: 'fr-CA' }));
  await openApp(page, appUrl);
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await expect(nav.getByRole('link', { name: /Aujourd’hui/ })).toBeVisible();
  await expect(nav.getByRole('link', { name: /Paramètres/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Changer de personne' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr-CA');

  await app.dispatch('settings.update', clinicProfile({ locale: 'en-CA' }));
  await page.reload();
  await expect(nav.getByRole('link', { name: /Today/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-CA');
});
