import { Badge, Box, Button, Checkbox, Flex, Loader, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { QueueEntry } from '../../../server/src/review';
import { DataTable } from '../components/DataTable';
import { describeError, isForbidden } from '../errors';
import { PERMISSIONS } from '../permissions';
import { PLUGIN_ID } from '../pluginId';

type Translate = (id: string, defaultMessage: string, values?: Record<string, string | number>) => string;

/** The Content Manager's edit view of a case, where its source panel is. */
export const caseEditPath = (documentId: string) => `/content-manager/collection-types/api::case.case/${documentId}`;

/** 审核队列: imported cases waiting for review or for publishing, those without an owner hospital first. */
const ReviewQueue = () => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { formatMessage, formatDate } = useIntl();
  const t: Translate = (id, defaultMessage, values) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage }, values);
  // Publishing from the queue is publishing in the Content Manager: its publish permission on cases.
  const { allowedActions } = useRBAC(PERMISSIONS.reviewPublish);
  const [entries, setEntries] = useState<QueueEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    get<{ data: QueueEntry[] }>(`/${PLUGIN_ID}/review/queue`)
      .then(({ data }) => {
        setEntries(data.data);
        setSelected((previous) => new Set([...previous].filter((id) => data.data.some((entry) => entry.documentId === id))));
      })
      .catch(setError);
  }, [get]);
  useEffect(load, [load]);

  if (error) return isForbidden(error) ? <Page.NoPermissions /> : <Page.Error />;
  if (!entries) return <Loader>{t('review.loading', '加载中')}</Loader>;

  const publishable = (entry: QueueEntry) => entry.reviewed !== null && entry.hospital !== null;
  const toggle = (documentId: string) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(documentId)) next.delete(documentId);
      else next.add(documentId);
      return next;
    });
  const publish = async () => {
    setBusy(true);
    try {
      const { data } = await post<{ data: { published: string[] } }>(`/${PLUGIN_ID}/review/publish`, { documentIds: [...selected] });
      toggleNotification({ type: 'success', message: t('review.published', '已发布 {count} 个案例及其举措和指标', { count: data.data.published.length }) });
      setSelected(new Set());
      load();
    } catch (reason) {
      toggleNotification({ type: 'danger', message: describeError(reason, t) });
    } finally {
      setBusy(false);
    }
  };
  const when = (value: string) => formatDate(value, { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' });

  const rows = entries.map((entry) => ({
    key: entry.documentId,
    cells: [
      <Checkbox
        key="select"
        aria-label={t('review.select', '选择《{title}》', { title: entry.title })}
        checked={selected.has(entry.documentId)}
        disabled={!publishable(entry)}
        onCheckedChange={() => toggle(entry.documentId)}
      />,
      <Link key="title" to={caseEditPath(entry.documentId)}>
        {entry.title}
      </Link>,
      entry.hospital ? (
        entry.hospital.name
      ) : (
        <Flex key="owner" direction="column" alignItems="flex-start" gap={1}>
          <Badge backgroundColor="danger100" textColor="danger700">
            {t('review.unresolved', '未确定归属医院')}
          </Badge>
          {entry.owner?.hint ? <Typography variant="pi">{t('review.ownerHint', '文中称: {hint}', { hint: entry.owner.hint })}</Typography> : null}
          {entry.owner && entry.owner.candidates.length > 0 ? (
            <Typography variant="pi">{t('review.ownerCandidates', '候选: {names}', { names: entry.owner.candidates.join('、') })}</Typography>
          ) : null}
        </Flex>
      ),
      entry.sourceDocument.filename,
      when(entry.createdAt),
      t('review.counts', '举措 {initiatives} · 指标 {metrics} · 人物 {people}', entry.counts),
      entry.unsure.length === 0 ? (
        '—'
      ) : (
        <Flex key="unsure" direction="column" alignItems="flex-start" gap={1}>
          {entry.unsure.map((item, index) => (
            <Badge key={index} backgroundColor="warning100" textColor="warning700" title={`${item.rule} ${item.score}`}>
              {t('review.unsure', '需核对')} · {t(`review.unsure.${item.kind}`, item.kind)}: {item.text.slice(0, 24)}
            </Badge>
          ))}
        </Flex>
      ),
      entry.reviewed ? (
        <Flex key="reviewed" direction="column" alignItems="flex-start" gap={1}>
          <Badge backgroundColor="success100" textColor="success700">
            {t('review.state.reviewed', '已审核')}
          </Badge>
          <Typography variant="pi">{t('review.reviewedBy', '{who} 于 {when}', { who: entry.reviewed.by ?? '—', when: when(entry.reviewed.at) })}</Typography>
        </Flex>
      ) : (
        <Badge key="pending">{t('review.state.pending', '待审核')}</Badge>
      ),
      <Link key="open" to={caseEditPath(entry.documentId)}>
        {t('review.open', '对照原文审核')}
      </Link>,
    ],
  }));

  return (
    <Layouts.Root>
      <Page.Title>{t('review.name', '审核队列')}</Page.Title>
      <Layouts.Header
        title={t('review.title', '审核队列')}
        subtitle={t('review.subtitle', '导入后尚未审核或尚未发布的案例, 未确定归属医院的在最前, 其余按导入时间先后')}
        primaryAction={
          allowedActions.canPublish ? (
            <Button onClick={publish} loading={busy} disabled={selected.size === 0}>
              {t('review.publishSelected', '批量发布 ({count})', { count: selected.size })}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        {entries.length === 0 ? (
          <Box padding={8} background="neutral0" hasRadius>
            <Typography>{t('review.empty', '没有待审核的导入案例')}</Typography>
          </Box>
        ) : (
          <DataTable
            headers={[
              t('review.column.select', '选择'),
              t('review.column.title', '标题'),
              t('review.column.hospital', '归属医院'),
              t('review.column.source', '来源文档'),
              t('review.column.imported', '导入时间'),
              t('review.column.extracted', '提取内容'),
              t('review.column.unsure', '需核对'),
              t('review.column.state', '审核状态'),
              t('review.column.actions', '操作'),
            ]}
            rows={rows}
          />
        )}
      </Layouts.Content>
    </Layouts.Root>
  );
};

export const ReviewPage = () => (
  <Page.Protect permissions={PERMISSIONS.review}>
    <ReviewQueue />
  </Page.Protect>
);
