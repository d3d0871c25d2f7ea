import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import SignaturePad from 'signature_pad';

export interface SignatureBoxHandle {
  /** The drawing as PNG base64 (no data: prefix), or null when nothing was drawn. */
  png(): string | null;
  clear(): void;
}

/** A box to sign in with a mouse, a finger or a stylus. */
export const SignatureBox = forwardRef<SignatureBoxHandle, { label: string; error?: string; onChange?(empty: boolean): void }>(
  function SignatureBox({ label, error, onChange }, ref) {
    const canvas = useRef<HTMLCanvasElement>(null);
    const pad = useRef<SignaturePad | null>(null);
    const [empty, setEmpty] = useState(true);

    useEffect(() => {
      const el = canvas.current!;
      const p = new SignaturePad(el, { penColor: '#10243a', minWidth: 0.8, maxWidth: 2.6 });
      // Size the drawing surface to the screen's pixels, so the stored signature is sharp,
      // and again when the box changes size (window resized, tablet turned): otherwise
      // the strokes no longer land under the pen. The strokes drawn so far are kept.
      const fit = () => {
        const ratio = Math.max(window.devicePixelRatio || 1, 1);
        const strokes = p.toData();
        el.width = el.offsetWidth * ratio;
        el.height = el.offsetHeight * ratio;
        el.getContext('2d')!.scale(ratio, ratio);
        p.clear();
        p.fromData(strokes);
      };
      fit();
      const resized = new ResizeObserver(fit);
      resized.observe(el);
      const changed = () => {
        setEmpty(p.isEmpty());
        onChange?.(p.isEmpty());
      };
      p.addEventListener('endStroke', changed);
      pad.current = p;
      return () => {
        resized.disconnect();
        p.removeEventListener('endStroke', changed);
        p.off();
      };
    }, [onChange]);

    useImperativeHandle(ref, () => ({
      png: () => (pad.current && !pad.current.isEmpty() ? pad.current.toDataURL('image/png').split(',')[1] : null),
      clear: () => {
        pad.current?.clear();
        setEmpty(true);
        onChange?.(true);
      },
    }));

    return (
      <div className={`signature${error ? ' field--invalid' : ''}`}>
        <span className="signature__label" id="signature-label">
          {label}
        </span>
        <canvas ref={canvas} className="signature__canvas" role="img" aria-labelledby="signature-label" aria-describedby={error ? 'signature-error' : undefined} data-empty={empty} />
        {error && (
          <span className="field__error" id="signature-error" role="alert">
            {error}
          </span>
        )}
      </div>
    );
  },
);
