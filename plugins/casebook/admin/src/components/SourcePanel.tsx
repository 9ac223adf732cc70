import { Badge, Box, Button, Flex, Loader, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { Fragment, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { REVIEW_ITEM_KIND, type ReviewItemKind } from '../../../server/src/closed-sets';
import type { CaseSource, SourceItem } from '../../../server/src/review';
import { describeError, isForbidden } from '../errors';
import { useLabelLanguage } from '../language';
import { PERMISSIONS } from '../permissions';
import { PLUGIN_ID } from '../pluginId';

type Translate = (id: string, defaultMessage: string, values?: Record<string, string | number>) => string;

/** Each kind's highlight colour, as the legend shows it. */
export const KIND_COLOURS: Record<ReviewItemKind, string> = {
  title: '#e0e7ff',
  hospital: '#fde68a',
  person: '#fbcfe8',
  initiative: '#bbf7d0',
  metric: '#bfdbfe',
  source: '#e5e7eb',
};

const CASE_UID = 'api::case.case';

/**
 * The edit form's input of an item's field, where the form has one: a text input by its name (title, people.0.name,
 * source.date), else the field's label (relations: hospital, initiatives, metrics).
 */
const fieldElement = (field: string): HTMLElement | null => {
  const byName = document.querySelector<HTMLElement>(`[name="${field}"]`) ?? document.querySelector<HTMLElement>(`[name^="${field}"]`);
  if (byName) return byName;
  const root = field.split('.')[0]!;
  return document.querySelector<HTMLElement>(`label[for="${root}"], [id="${root}"]`);
};

/** The case's span of its original text, with each located item as a clickable highlight (overlapping items: the first). */
const highlighted = (source: CaseSource, onPick: (item: SourceItem) => void, active: string | null): ReactNode[] => {
  const { text, span } = source;
  const located = source.items.filter((item) => item.start !== null && item.end !== null && item.start >= span.start && item.end <= span.end);
  const nodes: ReactNode[] = [];
  let at = span.start;
  for (const item of located) {
    if (item.start! < at) continue;
    nodes.push(<Fragment key={`t${at}`}>{text.slice(at, item.start!)}</Fragment>);
    nodes.push(
      <mark
        key={item.id}
        data-item-id={item.id}
        data-kind={item.kind}
        data-part={item.part}
        role="button"
        tabIndex={0}
        onClick={() => onPick(item)}
        onKeyDown={(event) => (event.key === 'Enter' ? onPick(item) : undefined)}
        style={{ background: KIND_COLOURS[item.kind], cursor: 'pointer', outline: active === item.id ? '2px solid #4945ff' : undefined, borderRadius: 2 }}
      >
        {text.slice(item.start!, item.end!)}
      </mark>,
    );
    at = item.end!;
  }
  nodes.push(<Fragment key={`t${at}`}>{text.slice(at, span.end)}</Fragment>);
  return nodes;
};

/** The source review of one imported case: its original text with the extracted items, rejections, the review mark. */
export const SourceReview = ({ documentId }: { documentId: string }) => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { formatMessage, formatDate } = useIntl();
  const language = useLabelLanguage();
  const t: Translate = (id, defaultMessage, values) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage }, values);
  const [source, setSource] = useState<CaseSource | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [active, setActive] = useState<SourceItem | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    get<{ data: CaseSource }>(`/${PLUGIN_ID}/review/cases/${documentId}/source`)
      .then(({ data }) => setSource(data.data))
      .catch(setError);
  }, [get, documentId]);
  useEffect(load, [load]);

  const pick = useCallback((item: SourceItem) => {
    setActive(item);
    const element = fieldElement(item.field);
    if (element) {
      element.scrollIntoView({ behavior: 'smooth', block: 'center' });
      element.focus({ preventScroll: true });
    }
  }, []);
  const text = useMemo(() => (source ? highlighted(source, pick, active?.id ?? null) : null), [source, pick, active]);

  if (error) {
    if (isForbidden(error)) return null;
    return <Typography variant="pi">{t('source.notImported', '此案例不是导入的, 没有原文可对照')}</Typography>;
  }
  if (!source) return <Loader small>{t('source.loading', '加载原文')}</Loader>;

  const reject = async (item: SourceItem) => {
    setBusy(true);
    try {
      await post(`/${PLUGIN_ID}/review/cases/${documentId}/rejections`, { item: item.id });
      toggleNotification({ type: 'success', message: t('source.rejected', '已移除“{text}”, 重新导入时也不会再加入', { text: item.text }) });
      // The edit form holds the case as loaded: reloading it shows the draft without the item (and a save cannot bring it back).
      window.location.reload();
    } catch (reason) {
      toggleNotification({ type: 'danger', message: describeError(reason, t) });
      setBusy(false);
    }
  };
  const markReviewed = async () => {
    setBusy(true);
    try {
      await post(`/${PLUGIN_ID}/review/cases/${documentId}/reviewed`);
      toggleNotification({ type: 'success', message: t('source.reviewedNotice', '已标记为已审核') });
      load();
    } catch (reason) {
      toggleNotification({ type: 'danger', message: describeError(reason, t) });
    } finally {
      setBusy(false);
    }
  };
  const kind = (value: ReviewItemKind) => REVIEW_ITEM_KIND.label(value, language) ?? value;
  const when = (value: string) => formatDate(value, { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' });

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="casebook-source-panel">
      <Flex gap={1} wrap="wrap" aria-label={t('source.legend', '图例')}>
        {REVIEW_ITEM_KIND.keys.map((key) => (
          <span key={key} data-legend={key} style={{ background: KIND_COLOURS[key], padding: '0 6px', borderRadius: 4, fontSize: 12 }}>
            {kind(key)}
          </span>
        ))}
      </Flex>
      <Typography variant="pi" textColor="neutral600">
        {t('source.document', '原文: {filename}', { filename: source.sourceDocument.filename })}
      </Typography>
      <Box
        data-testid="casebook-source-text"
        padding={2}
        hasRadius
        background="neutral100"
        style={{ maxHeight: 360, overflowY: 'auto', whiteSpace: 'pre-wrap', fontSize: 13, lineHeight: 1.7 }}
      >
        {text}
      </Box>
      {active ? (
        <Box padding={2} hasRadius borderColor="primary200" background="primary100" data-testid="casebook-source-active">
          <Flex direction="column" alignItems="flex-start" gap={1}>
            <Typography variant="sigma">{kind(active.kind)}</Typography>
            <Typography>{active.text}</Typography>
            <Typography variant="pi" data-testid="casebook-source-quote">
              {t('source.quote', '原文引文: {quote}', { quote: active.quote ?? t('source.notFound', '原文中未找到') })}
            </Typography>
          </Flex>
        </Box>
      ) : null}
      <Typography variant="sigma">{t('source.items', '提取的内容 ({count})', { count: source.items.length })}</Typography>
      <Flex direction="column" alignItems="stretch" gap={2}>
        {source.items.map((item) => (
          <Flex key={item.id} gap={2} justifyContent="space-between" alignItems="flex-start" data-item={item.id}>
            <Box style={{ minWidth: 0 }}>
              <span style={{ background: KIND_COLOURS[item.kind], padding: '0 4px', borderRadius: 4, fontSize: 12 }}>{kind(item.kind)}</span>{' '}
              <button type="button" onClick={() => pick(item)} style={{ border: 0, background: 'none', padding: 0, cursor: 'pointer', textAlign: 'left' }}>
                <Typography variant="omega">{item.text}</Typography>
              </button>
              {item.quote === null ? (
                <Typography variant="pi" textColor="danger600">
                  {' '}
                  {t('source.notFound', '原文中未找到')}
                </Typography>
              ) : null}
            </Box>
            {item.kind === 'title' ? null : (
              <Button size="S" variant="danger-light" disabled={busy} onClick={() => reject(item)}>
                {t('source.reject', '标记为错误')}
              </Button>
            )}
          </Flex>
        ))}
      </Flex>
      {source.rejected.length > 0 ? (
        <Typography variant="pi" textColor="neutral600">
          {t('source.rejectedList', '已标记为错误 (重新导入时不再加入): {items}', { items: source.rejected.map((rejection) => rejection.text).join('、') })}
        </Typography>
      ) : null}
      {source.reviewed ? (
        <Badge backgroundColor="success100" textColor="success700" data-testid="casebook-reviewed">
          {t('source.reviewedBy', '已审核: {who} 于 {when}', { who: source.reviewed.by ?? '—', when: when(source.reviewed.at) })}
        </Badge>
      ) : null}
      <Button onClick={markReviewed} loading={busy} variant={source.reviewed ? 'tertiary' : 'default'}>
        {source.reviewed ? t('source.reviewAgain', '重新标记为已审核') : t('source.markReviewed', '标记为已审核')}
      </Button>
    </Flex>
  );
};

/** The side panel of the Case edit view (Content Manager): the source review, for roles that hold the review permission. */
export const SourcePanel: PanelComponent = ({ model, documentId }) => {
  const { formatMessage } = useIntl();
  const { allowedActions, isLoading } = useRBAC(PERMISSIONS.review);
  if (model !== CASE_UID || !documentId || isLoading || !allowedActions.canReview) return null;
  return { title: formatMessage({ id: `${PLUGIN_ID}.source.title`, defaultMessage: '对照原文审核' }), content: <SourceReview documentId={documentId} /> };
};
