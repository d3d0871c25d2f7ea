import type { ReactNode } from 'react';

/** The `<hidden>` tag of a message: words a screen reader hears and the eye does not need ("View PDF of Treatment consent"). */
export const hidden = (chunks: ReactNode[]) => <span className="visually-hidden">{chunks}</span>;
