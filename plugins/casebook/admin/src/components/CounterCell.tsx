import { Typography } from '@strapi/design-system';
import { getFetchClient } from '@strapi/strapi/admin';
import DataLoader from 'dataloader';
import { useEffect, useState } from 'react';
import { PLUGIN_ID } from '../pluginId';

type Counters = { documentId: string; votes: number; views: number };

/** The counters of every row a list page renders, in one request per page (uncached: counts move). */
const counters = new DataLoader<string, Counters>(
  async (documentIds) => {
    const { data } = await getFetchClient().get<{ data: Counters[] }>(`/${PLUGIN_ID}/counters?documentIds=${documentIds.map(encodeURIComponent).join(',')}`);
    return data.data;
  },
  { cache: false, maxBatchSize: 100 },
);

/** A Content Manager list cell with a case's votes or views. */
export const CounterCell = ({ documentId, field }: { documentId: string; field: 'votes' | 'views' }) => {
  const [value, setValue] = useState<number | null>(null);
  useEffect(() => {
    let shown = true;
    counters
      .load(documentId)
      .then((row) => shown && setValue(row[field]))
      .catch(() => shown && setValue(null));
    return () => {
      shown = false;
    };
  }, [documentId, field]);
  return (
    <Typography textColor="neutral800" data-casebook-counter={field}>
      {value ?? '–'}
    </Typography>
  );
};
