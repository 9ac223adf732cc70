import type { SearchSnippet } from '@casebook/sdk';
import { highlight } from '../highlight';
import { SNIPPET_FIELD_LABEL } from '../labels';

/** A search hit's passage with the searched terms marked. */
export const Snippet = ({ snippet }: { snippet: SearchSnippet }) => (
  <p className="snippet">
    <span className="snippet__field">{SNIPPET_FIELD_LABEL[snippet.field]}</span>
    {highlight(snippet.text, snippet.matches).map((segment, index) => (segment.match ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>))}
  </p>
);
