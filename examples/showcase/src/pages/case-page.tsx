import type { Case } from '@casebook/sdk';
import type { ReactNode } from 'react';
import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router-dom';
import { casebook, visitorId } from '../casebook';
import { VoteButton } from '../components/vote-button';
import { describeError } from '../errors';
import { formatCount, formatDate, formatMetricValue, hospitalLine, webAddress } from '../format';
import { loadNames } from '../names';
import { useDocumentTitle } from '../use-document-title';

/**
 * The case by its slug (a NotFoundError, shown as the 404 page, when the CMS has none published), then one read
 * recorded for this visitor: the page shows the count that answers. A read that fails leaves the page readable.
 */
export const casePageLoader = async ({ params }: LoaderFunctionArgs) => {
  const [shown, names] = await Promise.all([casebook.cases.bySlug(params.slug ?? ''), loadNames()]);
  const read = await casebook.cases.recordView(shown.documentId, visitorId()).then(
    ({ views }) => ({ views, failure: null }),
    (error: unknown) => ({ views: shown.views, failure: describeError(error) }),
  );
  return { shown, names, read };
};

type CasePageData = Awaited<ReturnType<typeof casePageLoader>>;

/** One part of the case page: a titled section, named by its heading for screen readers. */
const Section = ({ id, title, className, children }: { id: string; title: string; className?: string; children: ReactNode }) => (
  <section className={className ? `case-section ${className}` : 'case-section'} aria-labelledby={`${id}-heading`}>
    <h2 id={`${id}-heading`}>{title}</h2>
    {children}
  </section>
);

/** A case's text in paragraphs: the CMS stores it as Markdown-flavoured plain text, one paragraph a line. */
const Paragraphs = ({ text }: { text: string }) => (
  <>
    {text
      .split(/\n+/)
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line, index) => (
        <p key={index}>{line}</p>
      ))}
  </>
);

const Source = ({ source }: { source: NonNullable<Case['source']> }) => {
  const address = webAddress(source.url);
  const where = [source.publication, source.column, source.issue].filter(Boolean).join(' · ');
  return (
    <Section id="source" title="来源">
      <p>
        {where || '未注明出处'}
        {source.date ? <> · {formatDate(source.date)}</> : null}
      </p>
      {address ? (
        <p>
          <a href={address} target="_blank" rel="noopener noreferrer">
            查看原文
          </a>
        </p>
      ) : null}
    </Section>
  );
};

/** 案例详情: everything the CMS publishes about one case, its reads (阅读量) and the 给我点赞 button. */
export const CasePage = () => {
  const { shown, names, read } = useLoaderData() as CasePageData;
  // The CMS's SEO title and description: the editor's own, else the title and the summary's first sentences.
  useDocumentTitle(shown.seo.title, shown.seo.description ?? undefined);
  const stage = shown.campaign?.stage;

  return (
    <article className="case-page">
      <nav aria-label="面包屑" className="breadcrumbs">
        <Link to="/">案例列表</Link> <span aria-hidden="true">›</span> <span aria-current="page">{shown.title}</span>
      </nav>
      <header className="case-header">
        {shown.cover ? (
          <img
            className="case-header__cover"
            src={shown.cover.url}
            alt={shown.cover.alternativeText}
            {...(shown.cover.width && shown.cover.height ? { width: shown.cover.width, height: shown.cover.height } : {})}
          />
        ) : null}
        <h1 className="page-title">{shown.title}</h1>
        {shown.hospital ? <p className="case-header__hospital">{hospitalLine(shown.hospital, names)}</p> : null}
        {shown.campaign ? (
          <p className="case-header__campaign">
            {shown.campaign.name}
            {stage ? <span className="badge">{names.stage.get(stage) ?? stage}阶段</span> : null}
            {shown.award ? <span className="badge badge--award">{shown.award}</span> : null}
          </p>
        ) : shown.award ? (
          <p className="case-header__campaign">
            <span className="badge badge--award">{shown.award}</span>
          </p>
        ) : null}
        {shown.themes.length > 0 ? (
          <ul className="tags" aria-label="主题">
            {shown.themes.map((theme) => (
              <li key={theme.documentId}>{theme.slug ? <Link to={`/?theme=${encodeURIComponent(theme.slug)}`}>{theme.name}</Link> : theme.name}</li>
            ))}
          </ul>
        ) : null}
        <div className="engagement">
          <p className="views">
            阅读量 <strong data-testid="view-count">{formatCount(read.views)}</strong>
            {read.failure ? <span className="views__failure"> (本次阅读未计入:{read.failure})</span> : null}
          </p>
          <VoteButton documentId={shown.documentId} votes={shown.votes} caseTitle={shown.title} />
        </div>
      </header>

      {shown.summary ? (
        <Section id="summary" title="摘要" className="case-summary">
          <Paragraphs text={shown.summary} />
        </Section>
      ) : null}

      {shown.metrics.length > 0 ? (
        <Section id="metrics" title="数据指标">
          <dl className="metrics">
            {shown.metrics.map((metric) => (
              <div key={metric.documentId} className="metric" title={metric.quote ?? undefined}>
                <dt>{metric.label}</dt>
                <dd>{formatMetricValue(metric) ?? '—'}</dd>
                {metric.period ? <dd className="metric__period">{metric.period}</dd> : null}
              </div>
            ))}
          </dl>
        </Section>
      ) : null}

      {shown.initiatives.length > 0 ? (
        <Section id="initiatives" title="主要举措">
          <ol className="initiatives">
            {shown.initiatives.map((initiative) => (
              <li key={initiative.documentId}>
                <h3>
                  {initiative.name}
                  {initiative.theme ? <span className="badge">{initiative.theme.name}</span> : null}
                </h3>
                {initiative.summary ? <p>{initiative.summary}</p> : null}
              </li>
            ))}
          </ol>
        </Section>
      ) : null}

      {shown.body ? (
        <Section id="body" title="正文" className="case-body">
          <Paragraphs text={shown.body} />
        </Section>
      ) : null}

      {shown.people.length > 0 ? (
        <Section id="people" title="相关人员">
          <ul className="people">
            {shown.people.map((person, index) => (
              <li key={index}>
                <strong>{person.name}</strong>
                {[person.unit, person.role].filter(Boolean).length > 0 ? <span> · {[person.unit, person.role].filter(Boolean).join(' ')}</span> : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {shown.source ? <Source source={shown.source} /> : null}
    </article>
  );
};
