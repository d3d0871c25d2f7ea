import { digitsOf } from './fold';

/**
 * Phone numbers shown one way for the clinic's country, stored as typed (issue 7,
 * item 16): what the patient said stays on file, the desk reads one form.
 */
export type PhoneStyle = 'nanp' | 'as-typed';

/**
 * Time zones of Canada and the United States (and US territories), where numbers are
 * North American (+1). The clinic profile has no country; its time zone says enough.
 */
const nanpZone =
  /^(America\/(Vancouver|Edmonton|Calgary|Winnipeg|Regina|Swift_Current|Toronto|Montreal|Halifax|Moncton|Glace_Bay|Goose_Bay|St_Johns|Whitehorse|Dawson|Dawson_Creek|Fort_Nelson|Creston|Yellowknife|Iqaluit|Rankin_Inlet|Cambridge_Bay|Inuvik|Resolute|Atikokan|Coral_Harbour|Blanc-Sablon|Nipigon|Thunder_Bay|Rainy_River|Pangnirtung|New_York|Chicago|Denver|Phoenix|Los_Angeles|Anchorage|Juneau|Sitka|Nome|Adak|Yakutat|Metlakatla|Boise|Detroit|Menominee|Indiana\/\w+|Kentucky\/\w+|North_Dakota\/\w+|Indianapolis|Louisville|Puerto_Rico|St_Thomas)|Pacific\/(Honolulu|Guam|Saipan|Pago_Pago)|Canada\/\w+|US\/\w+)$/;

export function phoneStyleFor(clinic: { timeZone: string }): PhoneStyle {
  return nanpZone.test(clinic.timeZone) ? 'nanp' : 'as-typed';
}

/** "(604) 555-0142 ext. 12" from "604.555.0142 x12"; a number from abroad stays readable as typed. */
export function formatPhone(typed: string, style: PhoneStyle): string {
  const tidy = typed.trim().replace(/\s+/g, ' ');
  if (style !== 'nanp' || tidy === '') return tidy;
  const ext = /\s*(?:ext\.?|x|#)\s*(\d+)$/i.exec(tidy);
  const main = ext ? tidy.slice(0, ext.index) : tidy;
  // "+44 …" or "011 44 …" dials out of North America: its own grouping is the readable one.
  if ((main.startsWith('+') && !main.startsWith('+1')) || digitsOf(main).startsWith('011')) return tidy;
  let digits = digitsOf(main);
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  const suffix = ext ? ` ext. ${ext[1]}` : '';
  if (digits.length === 10) return `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}${suffix}`;
  if (digits.length === 7) return `${digits.slice(0, 3)}-${digits.slice(3)}${suffix}`;
  return tidy;
}
