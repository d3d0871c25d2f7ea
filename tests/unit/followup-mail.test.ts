import { describe, expect, it } from 'vitest';
import { isMailto, mailtoFor } from '../../main/followups/mail';

/** The prepared e-mail (issue 11, item 4): a mailto: link for the clinic's own mail program, and the only kind of link main hands on. */
describe('prepared e-mail', () => {
  it('builds a mailto: link in the clinic’s language, every part encoded', () => {
    const url = mailtoFor({ email: 'zoe+desk@example.org', patientName: 'Zoë O’Brien', kind: 'adherence' }, 'fr-CA', 'Clinique & Cie');
    expect(url.startsWith('mailto:zoe%2Bdesk%40example.org?subject=')).toBe(true);
    const params = new URLSearchParams(url.slice(url.indexOf('?') + 1));
    expect(params.get('subject')).toBe('Des nouvelles de Clinique & Cie');
    expect(params.get('body')).toContain('Bonjour Zoë O’Brien,\n\nNous prenons de vos nouvelles au sujet du programme');
    expect(isMailto(url)).toBe(true);
  });

  it('lets only a mailto: link through to the operating system', () => {
    for (const url of ['https://example.org', 'file:///etc/passwd', 'mailto://evil', 'javascript:alert(1)', 'mailto:a@b.c\r\nbcc:x@y.z', 'smb://server/share']) expect(isMailto(url), url).toBe(false);
  });
});
