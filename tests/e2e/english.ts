import { expect, type Locator } from '@playwright/test';

/**
 * For the French walks: the words of a part of the screen that are still English. Reads
 * each piece of text the staff see, leaving out the choices of drop-down lists (time
 * zones such as "Isle of Man" are names, not words to translate). `words` are the
 * English words that must not be seen there.
 */
export async function expectNoEnglish(part: Locator, words: string[]) {
  // Whole words only, accented letters counted as letters: "Sign" is not found in "Signé".
  const english = new RegExp(`(?<!\\p{L})(${words.join('|')})(?!\\p{L})`, 'u');
  await expect(part.first()).toBeVisible();
  const texts = await part.evaluateAll((els) =>
    els.flatMap((el) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.parentElement?.closest('select') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT) });
      const out: string[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n.textContent ?? '');
      const labelled = [el, ...el.querySelectorAll('[aria-label], [placeholder], [title], img[alt]')];
      for (const e of labelled) for (const a of ['aria-label', 'placeholder', 'title', 'alt']) if (e.getAttribute(a)) out.push(e.getAttribute(a)!);
      return out;
    }),
  );
  expect(texts.filter((t) => english.test(t))).toEqual([]);
}
