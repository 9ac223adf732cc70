import type { CaseSummary, SearchSnippet } from '@casebook/sdk';
import { Link } from 'react-router-dom';
import { formatCount, hospitalLine } from '../format';
import type { Names } from '../labels';
import { Snippet } from './snippet';

/** One case in a list: its title (a link to its page), hospital, summary or search passage, themes and counters. */
export const CaseCard = ({ shown, snippet, names }: { shown: CaseSummary; snippet: SearchSnippet | null; names: Names }) => (
  <article className={shown.cover ? 'case-card case-card--with-cover' : 'case-card'}>
    {shown.cover ? <img className="case-card__cover" src={shown.cover.smallUrl} alt="" loading="lazy" /> : null}
    <h3 className="case-card__title">{shown.slug ? <Link to={`/cases/${encodeURIComponent(shown.slug)}`}>{shown.title}</Link> : shown.title}</h3>
    {shown.hospital ? <p className="case-card__hospital">{hospitalLine(shown.hospital, names)}</p> : null}
    {snippet ? <Snippet snippet={snippet} names={names} /> : shown.summary ? <p className="case-card__summary">{shown.summary}</p> : null}
    <div className="case-card__meta">
      {shown.themes.length > 0 ? (
        <ul className="tags" aria-label="主题">
          {shown.themes.map((theme) => (
            <li key={theme.documentId}>{theme.name}</li>
          ))}
        </ul>
      ) : null}
      <span className="counters">
        阅读 {formatCount(shown.views)} · 点赞 {formatCount(shown.votes)}
      </span>
    </div>
  </article>
);
