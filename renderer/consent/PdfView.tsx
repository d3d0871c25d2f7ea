import { useEffect, useRef, useState } from 'react';
import * as pdfjs from 'pdfjs-dist';
import { useIntl } from 'react-intl';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { base64ToBytes } from '../ui/files';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * The PDF as the patient will get it, drawn page by page with pdf.js from the bytes
 * main made: what is previewed is what is printed and stored, never an HTML look-alike.
 */
export function PdfView({ pdfBase64, label }: { pdfBase64: string; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pages, setPages] = useState(0);
  const intl = useIntl();

  useEffect(() => {
    let cancelled = false;
    const container = host.current;
    if (!container) return;
    container.replaceChildren();
    const task = pdfjs.getDocument({ data: base64ToBytes(pdfBase64), isEvalSupported: false, useSystemFonts: false });
    task.promise
      .then(async (doc) => {
        if (cancelled) return;
        setPages(doc.numPages);
        for (let n = 1; n <= doc.numPages && !cancelled; n++) {
          const page = await doc.getPage(n);
          const viewport = page.getViewport({ scale: 1.4 });
          const canvas = document.createElement('canvas');
          canvas.width = viewport.width;
          canvas.height = viewport.height;
          canvas.className = 'pdf__page';
          canvas.setAttribute('role', 'img');
          canvas.setAttribute('aria-label', intl.formatMessage({ id: 'consent.pdf.page', defaultMessage: '{label}, page {n} of {of}' }, { label, n, of: doc.numPages }));
          container.appendChild(canvas);
          await page.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport }).promise;
        }
      })
      .catch(() => !cancelled && setError(intl.formatMessage({ id: 'consent.pdf.unreadable', defaultMessage: 'This PDF could not be shown.' })));
    return () => {
      cancelled = true;
      void task.destroy();
    };
  }, [pdfBase64, label, intl]);

  return (
    <div className="pdf" aria-busy={pages === 0 && !error}>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {/* Focusable, so the pages scroll from the keyboard too. */}
      <div ref={host} className="pdf__pages" data-pages={pages} tabIndex={0} role="group" aria-label={intl.formatMessage({ id: 'consent.pdf.pages', defaultMessage: '{label}: {pages, plural, one {# page} other {# pages}}' }, { label, pages })} />
    </div>
  );
}
