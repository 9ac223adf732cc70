import { Box, Flex, Grid, Loader, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { PROVINCE } from '../../../server/src/closed-sets';
import type { Overview } from '../../../server/src/admin-api';
import { DataTable } from '../components/DataTable';
import { useLabelLanguage } from '../language';
import { isForbidden } from '../errors';
import { PERMISSIONS } from '../permissions';
import { PLUGIN_ID } from '../pluginId';

const Figure = ({ label, value }: { label: string; value: number }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
    <Flex direction="column" alignItems="flex-start" gap={2}>
      <Typography variant="sigma" textColor="neutral600">
        {label}
      </Typography>
      <Typography variant="alpha">{value}</Typography>
    </Flex>
  </Box>
);

const OverviewContent = () => {
  const { get } = useFetchClient();
  const { formatMessage } = useIntl();
  const language = useLabelLanguage();
  const [overview, setOverview] = useState<Overview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const t = (id: string, defaultMessage: string) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage });

  useEffect(() => {
    get<{ data: Overview }>(`/${PLUGIN_ID}/overview`)
      .then(({ data }) => setOverview(data.data))
      .catch(setError);
  }, [get]);

  if (error) return isForbidden(error) ? <Page.NoPermissions /> : <Page.Error />;
  if (!overview) return <Loader>{t('overview.loading', '加载中')}</Loader>;

  return (
    <Layouts.Root>
      <Page.Title>{t('plugin.name', '案例库 Casebook')}</Page.Title>
      <Layouts.Header title={t('overview.title', '案例库概览')} subtitle={t('overview.subtitle', '卫生健康行业党建创新案例')} />
      <Layouts.Content>
        <Grid.Root gap={4}>
          <Grid.Item col={3} s={6}>
            <Figure label={t('overview.published', '已发布案例')} value={overview.cases.published} />
          </Grid.Item>
          <Grid.Item col={3} s={6}>
            <Figure label={t('overview.unpublished', '未发布案例')} value={overview.cases.unpublished} />
          </Grid.Item>
          <Grid.Item col={3} s={6}>
            <Figure label={t('overview.hospitals', '医院')} value={overview.hospitals} />
          </Grid.Item>
          <Grid.Item col={3} s={6}>
            <Figure label={t('overview.sourceDocuments', '来源文档')} value={overview.sourceDocuments} />
          </Grid.Item>
          <Grid.Item col={3} s={6}>
            <Figure label={t('overview.initiatives', '举措')} value={overview.initiatives} />
          </Grid.Item>
          <Grid.Item col={3} s={6}>
            <Figure label={t('overview.metrics', '指标')} value={overview.metrics} />
          </Grid.Item>
        </Grid.Root>
        <Box paddingTop={6} data-testid="overview-provinces">
          <DataTable
            headers={[t('overview.province', '省份'), t('overview.cases', '案例数')]}
            rows={overview.casesByProvince.map((row) => ({
              key: row.province ?? '-',
              cells: [PROVINCE.label(row.province, language) ?? row.province ?? t('overview.unknownProvince', '未注明'), row.cases],
            }))}
          />
        </Box>
      </Layouts.Content>
    </Layouts.Root>
  );
};

/** 案例库 overview, for roles that hold 查看概览 (others get Strapi's no-permissions page, not a failed request). */
export const OverviewPage = () => (
  <Page.Protect permissions={PERMISSIONS.overview}>
    <OverviewContent />
  </Page.Protect>
);
