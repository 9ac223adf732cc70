import { Badge, Typography } from '@strapi/design-system';
import { getFetchClient } from '@strapi/strapi/admin';
import DataLoader from 'dataloader';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { CaseListFacts } from '../../../server/src/admin-api';
import { PROVINCE } from '../../../server/src/closed-sets';
import { useLabelLanguage } from '../language';
import { PLUGIN_ID } from '../pluginId';

/** The province and review state of every row a list page renders, in one request per page (uncached: reviews happen). */
const facts = new DataLoader<string, CaseListFacts>(
  async (documentIds) => {
    const { data } = await getFetchClient().get<{ data: CaseListFacts[] }>(`/${PLUGIN_ID}/case-list?documentIds=${documentIds.map(encodeURIComponent).join(',')}`);
    return data.data;
  },
  { cache: false, maxBatchSize: 100 },
);

const useFacts = (documentId: string) => {
  const [value, setValue] = useState<CaseListFacts | null>(null);
  useEffect(() => {
    let shown = true;
    facts
      .load(documentId)
      .then((row) => shown && setValue(row))
      .catch(() => shown && setValue(null));
    return () => {
      shown = false;
    };
  }, [documentId]);
  return value;
};

/** A case list cell with the province of the case's hospital, by its label in the admin's language. */
export const ProvinceCell = ({ documentId }: { documentId: string }) => {
  const row = useFacts(documentId);
  const language = useLabelLanguage();
  return (
    <Typography textColor="neutral800" data-casebook-cell="province">
      {PROVINCE.label(row?.province, language) ?? '–'}
    </Typography>
  );
};

/** A case list cell saying whether an editor has reviewed the case, and when. */
export const ReviewCell = ({ documentId }: { documentId: string }) => {
  const row = useFacts(documentId);
  const { formatMessage, formatDate } = useIntl();
  if (!row) return <Typography textColor="neutral600">–</Typography>;
  return row.reviewedAt ? (
    <Badge active data-casebook-cell="review" title={formatDate(row.reviewedAt, { dateStyle: 'long', timeStyle: 'short' })}>
      {formatMessage({ id: `${PLUGIN_ID}.caseList.reviewed`, defaultMessage: '已审核' })}
    </Badge>
  ) : (
    <Badge data-casebook-cell="review">{formatMessage({ id: `${PLUGIN_ID}.caseList.unreviewed`, defaultMessage: '待审核' })}</Badge>
  );
};
