import { useEffect, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import type { Locale } from '../../shared/contract/settings';
import { useRead } from '../ipc/hooks';
import { messagesFor } from './catalogue';

/**
 * The desk speaks the clinic's language (a setting), which main tells with the session,
 * so the sign-in screen speaks it before anyone is known. Until main has answered, and
 * if it cannot, the words are English, the language the code is written in.
 */
export function DeskLanguage({ children }: { children: ReactNode }) {
  const session = useRead('session.current', {});
  const locale: Locale = session.data?.locale ?? 'en-CA';
  // Screen readers pronounce the page in its language.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <IntlProvider locale={locale} defaultLocale="en-CA" messages={messagesFor(locale)} onError={reportMissing}>
      {children}
    </IntlProvider>
  );
}

/** A missing French word shows the English one; the catalogue test is what keeps that from shipping. */
function reportMissing(error: { code: string; message: string }) {
  if (error.code !== 'MISSING_TRANSLATION') console.error(error.message);
}
