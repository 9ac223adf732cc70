import type { FacetBucket } from '@casebook/sdk';
import { Link } from 'react-router-dom';
import { formatCount } from '../format';
import { listSearch, toggleFacet, type FacetKey, type ListQuery } from '../list-query';

/**
 * One dimension of the facets (province, hospital category or theme): each value with its case count, a link
 * that filters the list by it, or, for the value chosen, drops the filter. Links, so a filtered list can be shared.
 */
export const FacetGroup = <Key extends FacetKey>({
  title,
  facet,
  buckets,
  query,
}: {
  title: string;
  facet: Key;
  buckets: ReadonlyArray<FacetBucket<NonNullable<ListQuery[Key]>>>;
  query: ListQuery;
}) => (
  <section className="facet" aria-labelledby={`facet-${facet}`}>
    <h2 id={`facet-${facet}`} className="facet__title">
      {title}
    </h2>
    {buckets.length === 0 ? (
      <p className="facet__empty">无</p>
    ) : (
      <ul className="facet__list">
        {buckets.map((bucket) => {
          const chosen = query[facet] === bucket.value;
          return (
            <li key={bucket.value}>
              <Link to={listSearch(toggleFacet(query, facet, bucket.value))} className={chosen ? 'facet__link facet__link--chosen' : 'facet__link'} aria-current={chosen ? 'true' : undefined} data-facet={facet} data-value={bucket.value}>
                <span className="facet__label">{bucket.label}</span>
                <span className="facet__count">{formatCount(bucket.count)}</span>
                {chosen ? <span className="visually-hidden">(已选,点击取消)</span> : null}
              </Link>
            </li>
          );
        })}
      </ul>
    )}
  </section>
);
