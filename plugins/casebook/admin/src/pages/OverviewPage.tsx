import { Box, Flex, Grid, Loader, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { HOSPITAL_CATEGORY, PROVINCE } from '../../../server/src/closed-sets';
import type { Overview } from '../../../server/src/admin-api';
import { Chart, type ChartOption } from '../components/Chart';
import { DataTable, type DataRow } from '../components/DataTable';
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

type Translate = (id: string, defaultMessage: string) => string;

/** One figure of the dashboard: its chart, and the same numbers as a table below it (for screen readers and for copying). */
const Panel = ({ title, testId, option, headers, rows, empty }: { title: string; testId: string; option: ChartOption; headers: string[]; rows: DataRow[]; empty: string }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={5} width="100%" height="100%" data-testid={testId}>
    <Typography variant="delta" tag="h2">
      {title}
    </Typography>
    {rows.length === 0 ? (
      <Box paddingTop={4}>
        <Typography textColor="neutral600">{empty}</Typography>
      </Box>
    ) : (
      <>
        <Chart option={option} label={title} height={Math.max(200, Math.min(420, rows.length * 28 + 60))} />
        <Box paddingTop={2}>
          <DataTable headers={headers} rows={rows} />
        </Box>
      </>
    )}
  </Box>
);

/** A horizontal bar per label, in the table's order (the first at the top). */
const bars = (labels: string[], values: number[], name: string): ChartOption => ({
  grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
  xAxis: { type: 'value', minInterval: 1 },
  yAxis: { type: 'category', data: [...labels].reverse(), axisLabel: { width: 160, overflow: 'truncate' } },
  series: [{ type: 'bar', name, data: [...values].reverse(), itemStyle: { color: '#4945ff' } }],
});

/** A line over time, left to right. */
const line = (labels: string[], values: number[], name: string): ChartOption => ({
  grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
  xAxis: { type: 'category', data: labels },
  yAxis: { type: 'value', minInterval: 1 },
  series: [{ type: 'line', name, data: values, itemStyle: { color: '#4945ff' } }],
});

const pie = (slices: Array<{ name: string; value: number }>, name: string): ChartOption => ({
  series: [{ type: 'pie', name, radius: ['40%', '70%'], data: slices, label: { formatter: '{b}: {c}' } }],
});

/** A link to the Content Manager's edit view of a case. */
const caseLink = (documentId: string, title: string): ReactNode => (
  <Link to={`/content-manager/collection-types/api::case.case/${documentId}`}>
    <Typography textColor="primary600">{title}</Typography>
  </Link>
);

/** The dashboard's charts, each with its table: the collection by province, theme, category and month; votes, reads, metrics, review. */
const Dashboard = ({ overview, t }: { overview: Overview; t: Translate }) => {
  const language = useLabelLanguage();
  const { formatDate } = useIntl();
  const unknown = t('overview.unknownProvince', '未注明');
  const cases = t('overview.cases', '案例数');
  const empty = t('dashboard.empty', '暂无数据');

  const panels = useMemo(() => {
    const provinces = overview.casesByProvince.map((row) => ({ label: PROVINCE.label(row.province, language) ?? row.province ?? unknown, ...row }));
    const categories = overview.casesByCategory.map((row) => ({ label: HOSPITAL_CATEGORY.label(row.category, language) ?? row.category ?? unknown, ...row }));
    // 2022-07 → 2022年7月 in a Chinese admin.
    const months = overview.casesByMonth.map((row) => ({ label: formatDate(new Date(`${row.month}-01T12:00:00`), { year: 'numeric', month: 'long' }), ...row }));
    const metric = (row: Overview['metricLabels'][number]) => (row.unit ? `${row.label} (${row.unit})` : row.label);
    const review = [
      { key: 'reviewed', name: t('dashboard.reviewed', '已审核'), value: overview.review.reviewed },
      { key: 'unreviewed', name: t('dashboard.unreviewed', '未审核'), value: overview.review.unreviewed },
    ];
    return [
      {
        testId: 'overview-provinces',
        title: t('dashboard.byProvince', '各省份案例数'),
        option: bars(provinces.map((row) => row.label), provinces.map((row) => row.cases), cases),
        headers: [t('overview.province', '省份'), cases],
        rows: provinces.map((row) => ({ key: row.province ?? '-', cells: [row.label, row.cases] })),
      },
      {
        testId: 'dashboard-themes',
        title: t('dashboard.byTheme', '各主题案例数'),
        option: bars(overview.casesByTheme.map((row) => row.theme), overview.casesByTheme.map((row) => row.cases), cases),
        headers: [t('dashboard.theme', '主题'), cases],
        rows: overview.casesByTheme.map((row) => ({ key: row.theme, cells: [row.theme, row.cases] })),
      },
      {
        testId: 'dashboard-categories',
        title: t('dashboard.byCategory', '各类医院案例数'),
        option: pie(categories.map((row) => ({ name: row.label, value: row.cases })), cases),
        headers: [t('dashboard.category', '医院类别'), cases],
        rows: categories.map((row) => ({ key: row.category ?? '-', cells: [row.label, row.cases] })),
      },
      {
        testId: 'dashboard-months',
        title: t('dashboard.byMonth', '每月案例数 (按来源日期)'),
        option: line(months.map((row) => row.label), months.map((row) => row.cases), cases),
        headers: [t('dashboard.month', '月份'), cases],
        rows: months.map((row) => ({ key: row.month, cells: [row.label, row.cases] })),
      },
      {
        testId: 'dashboard-most-voted',
        title: t('dashboard.mostVoted', '票数最多的案例'),
        option: bars(overview.mostVoted.map((row) => row.title), overview.mostVoted.map((row) => row.votes), t('counters.votes', '投票')),
        headers: [t('voting.case', '案例'), t('counters.votes', '投票'), t('counters.views', '阅读')],
        rows: overview.mostVoted.map((row) => ({ key: row.documentId, cells: [caseLink(row.documentId, row.title), row.votes, row.views] })),
      },
      {
        testId: 'dashboard-most-read',
        title: t('dashboard.mostRead', '阅读最多的案例'),
        option: bars(overview.mostRead.map((row) => row.title), overview.mostRead.map((row) => row.views), t('counters.views', '阅读')),
        headers: [t('voting.case', '案例'), t('counters.views', '阅读'), t('counters.votes', '投票')],
        rows: overview.mostRead.map((row) => ({ key: row.documentId, cells: [caseLink(row.documentId, row.title), row.views, row.votes] })),
      },
      {
        testId: 'dashboard-metrics',
        title: t('dashboard.metrics', '最常见的指标'),
        option: bars(overview.metricLabels.map(metric), overview.metricLabels.map((row) => row.count), t('dashboard.occurrences', '出现次数')),
        headers: [t('dashboard.metric', '指标'), t('dashboard.unit', '单位'), t('dashboard.occurrences', '出现次数'), t('dashboard.total', '合计')],
        rows: overview.metricLabels.map((row) => ({ key: `${row.label}|${row.unit ?? ''}`, cells: [row.label, row.unit ?? '–', row.count, row.total] })),
      },
      {
        testId: 'dashboard-review',
        title: t('dashboard.review', '审核进度'),
        option: pie(review.map(({ name, value }) => ({ name, value })), cases),
        headers: [t('dashboard.reviewState', '审核状态'), cases],
        rows: overview.review.reviewed + overview.review.unreviewed === 0 ? [] : review.map((row) => ({ key: row.key, cells: [row.name, row.value] })),
      },
    ];
  }, [overview, language]);

  return (
    <Grid.Root gap={4} paddingTop={6}>
      {panels.map((panel) => (
        <Grid.Item key={panel.testId} col={6} s={12} alignItems="stretch">
          <Panel {...panel} empty={empty} />
        </Grid.Item>
      ))}
    </Grid.Root>
  );
};

const OverviewContent = () => {
  const { get } = useFetchClient();
  const { formatMessage } = useIntl();
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
        <Dashboard overview={overview} t={t} />
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
