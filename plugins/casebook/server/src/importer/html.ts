import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';
import { TrackedTextBuilder } from './tracked-text';
import type { TrackedText } from './types';

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul', 'title',
]);
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object']);
const KEPT_IN_HEAD = new Set(['title']);

/**
 * The text content of an HTML page, with each character's offset in the HTML source: block elements
 * become line breaks, scripts and styles vanish, entities are decoded in place.
 */
export const htmlToText = (html: string): TrackedText => {
  const builder = new TrackedTextBuilder();
  let skipping = 0;
  let inTitle = false;
  const parser = new Parser(
    {
      onopentag(name) {
        if (KEPT_IN_HEAD.has(name)) inTitle = true;
        if (SKIPPED.has(name) && !inTitle) skipping += 1;
        if (BLOCK.has(name)) builder.replace('\n', parser.startIndex, parser.endIndex + 1);
      },
      onclosetag(name) {
        if (KEPT_IN_HEAD.has(name)) inTitle = false;
        if (SKIPPED.has(name) && !inTitle) skipping = Math.max(0, skipping - 1);
        if (BLOCK.has(name)) builder.replace('\n', parser.startIndex, parser.endIndex + 1);
      },
      ontext(raw) {
        if (skipping > 0 && !inTitle) return;
        const base = parser.startIndex;
        let cursor = 0;
        for (const match of raw.matchAll(/&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);?/gi)) {
          builder.copy(raw.slice(cursor, match.index), base + cursor);
          builder.replace(decodeHTML(match[0]), base + match.index!, base + match.index! + match[0].length);
          cursor = match.index! + match[0].length;
        }
        builder.copy(raw.slice(cursor), base + cursor);
      },
    },
    { decodeEntities: false, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return builder.build(html.length);
};
