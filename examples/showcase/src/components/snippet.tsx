import type { SearchSnippet } from '@casebook/sdk';
import { highlight } from '../highlight';
import type { Names } from '../labels';

/** A search hit's passage with the searched terms marked. */
export const Snippet = ({ snippet, names }: { snippet: SearchSnippet; names: Names }) => (
  <p className="snippet">
    <span className="snippet__field">{names.snippetField.get(snippet.field) ?? snippet.field}</span>
    {highlight(snippet.text, snippet.matches).map((segment, index) => (segment.match ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>))}
  </p>
);
