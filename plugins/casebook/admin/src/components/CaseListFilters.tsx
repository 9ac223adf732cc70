import { Button, Flex, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useFetchClient, useQueryParams } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';
import { PROVINCE } from '../../../server/src/closed-sets';
import { useLabelLanguage } from '../language';
import { PLUGIN_ID } from '../pluginId';

type Filter = Record<string, unknown>;
type Query = { filters?: { $and?: Filter[] }; page?: number | string };
type Named = { documentId: string; name: string };
type Facet = 'province' | 'theme' | 'campaign' | 'review';

/**
 * The filters this bar owns, as Content Manager URL filters (`filters[$and][n]…`): a hospital's province and a
 * review state are fields the Content Manager's own filter menu does not offer (a relation's field; a private
 * field), themes and campaigns it offers only by typing their id.
 */
const FACETS: Record<Facet, { filter: (value: string) => Filter; valueOf: (filter: Filter) => string | undefined }> = {
  province: {
    filter: (value) => ({ hospital: { province: { $eq: value } } }),
    valueOf: (filter) => (filter.hospital as { province?: { $eq?: string } } | undefined)?.province?.$eq,
  },
  theme: {
    filter: (value) => ({ themes: { documentId: { $eq: value } } }),
    valueOf: (filter) => (filter.themes as { documentId?: { $eq?: string } } | undefined)?.documentId?.$eq,
  },
  campaign: {
    filter: (value) => ({ campaign: { documentId: { $eq: value } } }),
    valueOf: (filter) => (filter.campaign as { documentId?: { $eq?: string } } | undefined)?.documentId?.$eq,
  },
  review: {
    filter: (value) => ({ reviewedAt: value === 'reviewed' ? { $notNull: true } : { $null: true } }),
    valueOf: (filter) => {
      const reviewedAt = filter.reviewedAt as { $null?: unknown; $notNull?: unknown } | undefined;
      if (!reviewedAt) return undefined;
      return reviewedAt.$notNull !== undefined ? 'reviewed' : 'unreviewed';
    },
  },
};
const facetOf = (filter: Filter) => (Object.keys(FACETS) as Facet[]).find((facet) => FACETS[facet].valueOf(filter) !== undefined);

/** A content type's entries by name, read as the Content Manager reads them, for the bar's menus. */
const useNamed = (uid: string) => {
  const { get } = useFetchClient();
  const [rows, setRows] = useState<Named[]>([]);
  useEffect(() => {
    get<{ results: Named[] }>(`/content-manager/collection-types/${uid}?pageSize=100&sort=name:ASC`)
      .then(({ data }) => setRows(data.results))
      .catch(() => setRows([]));
  }, [get, uid]);
  return rows;
};

/** 省份, 主题, 征集活动 and 审核状态 above the case list: each choice sets the list's URL filters, so the view can be bookmarked and shared. */
const CaseFilterBar = () => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage });
  const language = useLabelLanguage();
  const [{ query }, setQuery] = useQueryParams<Query>();
  const themes = useNamed('api::theme.theme');
  const campaigns = useNamed('api::campaign.campaign');
  const filters = query.filters?.$and ?? [];
  const chosen = (facet: Facet) => filters.map((filter) => FACETS[facet].valueOf(filter)).find((value) => value !== undefined) ?? '';

  const choose = (facet: Facet, value: string | null) => {
    const others = filters.filter((filter) => facetOf(filter) !== facet);
    const next = value ? [...others, FACETS[facet].filter(value)] : others;
    setQuery({ filters: { $and: next }, page: 1 });
  };

  const menu = (facet: Facet, label: string, options: Array<{ value: string; label: string }>) => (
    <SingleSelect
      key={facet}
      aria-label={label}
      placeholder={label}
      size="S"
      value={chosen(facet)}
      onChange={(value: string | number) => choose(facet, String(value))}
      onClear={chosen(facet) ? () => choose(facet, null) : undefined}
      data-testid={`case-filter-${facet}`}
    >
      {options.map((option) => (
        <SingleSelectOption key={option.value} value={option.value}>
          {option.label}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  );

  return (
    <Flex gap={2} data-testid="case-filters">
      {menu('province', t('caseList.province', '省份'), PROVINCE.keys.map((key) => ({ value: key, label: PROVINCE.label(key, language) ?? key })))}
      {menu('theme', t('caseList.theme', '主题'), themes.map((theme) => ({ value: theme.documentId, label: theme.name })))}
      {menu('campaign', t('caseList.campaign', '征集活动'), campaigns.map((campaign) => ({ value: campaign.documentId, label: campaign.name })))}
      {menu('review', t('caseList.review', '审核状态'), [
        { value: 'unreviewed', label: t('caseList.unreviewed', '待审核') },
        { value: 'reviewed', label: t('caseList.reviewed', '已审核') },
      ])}
      {filters.some((filter) => facetOf(filter) !== undefined) ? (
        <Button variant="tertiary" size="S" onClick={() => setQuery({ filters: { $and: filters.filter((filter) => facetOf(filter) === undefined) }, page: 1 })}>
          {t('caseList.clear', '清除筛选')}
        </Button>
      ) : null}
    </Flex>
  );
};

/** The list view's actions zone is shared by every content type: the bar shows on the case list only. */
export const CaseListFilters = () => {
  const { slug } = useParams<{ slug: string }>();
  return slug === 'api::case.case' ? <CaseFilterBar /> : null;
};
