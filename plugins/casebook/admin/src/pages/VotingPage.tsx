import { Badge, Box, Button, Field, Flex, Grid, Loader, Textarea, TextInput, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { CAMPAIGN_STAGE, campaignStageMoves, type CampaignStage } from '../../../server/src/closed-sets';
import type { Campaign, CampaignCase, Standing as ServerStanding } from '../../../server/src/admin-api';
import { DataTable } from '../components/DataTable';
import { useLabelLanguage } from '../language';
import { describeError, isForbidden } from '../errors';
import { PERMISSIONS } from '../permissions';
import { PLUGIN_ID } from '../pluginId';

/** A standing as the page shows it: without when the case reached its votes, which the ranking route also sends. */
type Standing = Omit<ServerStanding, 'votedAt'>;

type Translate = (id: string, defaultMessage: string, values?: Record<string, string | number>) => string;

/** How often the standings of a campaign in its voting stage are fetched again, so that they follow the vote. */
const LIVE_INTERVAL_MS = 5000;

/** The Content Manager's edit view of a case, where its title in the voting centre leads. */
const CaseLink = ({ documentId, title }: { documentId: string; title: string }) => (
  <Link to={`/content-manager/collection-types/api::case.case/${documentId}`} data-testid="voting-case-link">
    <Typography textColor="primary600">{title}</Typography>
  </Link>
);

/**
 * Whether the public may vote, and, for roles that hold 开放或暂停公众投票, the button that stops or opens it
 * (the Public role's vote permission: it stays as set across restarts).
 */
const VotingSwitch = ({ t, open, onChange, fail }: { t: Translate; open: boolean; onChange: (open: boolean) => void; fail: (reason: unknown) => void }) => {
  const { put } = useFetchClient();
  const { allowedActions } = useRBAC(PERMISSIONS.votingSwitch);
  const [saving, setSaving] = useState(false);

  const change = (next: boolean) => {
    setSaving(true);
    put<{ data: { open: boolean } }>(`/${PLUGIN_ID}/voting`, { open: next })
      .then(({ data }) => onChange(data.data.open))
      .catch(fail)
      .finally(() => setSaving(false));
  };

  return (
    <Flex justifyContent="space-between" paddingBottom={6}>
      <Typography variant="delta" tag="p" data-testid="voting-public">
        {t('voting.public', '公众投票：')}
        {open ? t('voting.open', '开放中') : t('voting.stopped', '已暂停')}
      </Typography>
      {allowedActions.canSwitch && (
        <Button variant={open ? 'danger-light' : 'default'} loading={saving} onClick={() => change(!open)}>
          {open ? t('voting.stop', '暂停投票') : t('voting.reopen', '开放投票')}
        </Button>
      )}
    </Flex>
  );
};

type CampaignForm = { name: string; organiser: string; year: string; description: string };
const EMPTY_FORM: CampaignForm = { name: '', organiser: '', year: String(new Date().getFullYear()), description: '' };

/** The form of a new campaign: name, organiser, year, description. */
const NewCampaign = ({ t, onCreated, fail }: { t: Translate; onCreated: (documentId: string) => void; fail: (reason: unknown) => void }) => {
  const { post } = useFetchClient();
  const [form, setForm] = useState<CampaignForm>(EMPTY_FORM);
  const [saving, setSaving] = useState(false);
  const field = (name: keyof CampaignForm) => (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setForm({ ...form, [name]: event.target.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const year = form.year.trim() === '' ? null : Number(form.year);
    post<{ data: { documentId: string } }>(`/${PLUGIN_ID}/campaigns`, {
      name: form.name.trim(),
      organiser: form.organiser.trim() || null,
      year,
      description: form.description.trim() || null,
    })
      .then(({ data }) => {
        setForm(EMPTY_FORM);
        onCreated(data.data.documentId);
      })
      .catch(fail)
      .finally(() => setSaving(false));
  };

  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} marginBottom={6} tag="form" onSubmit={submit} data-testid="voting-new-campaign">
      <Typography variant="delta" tag="h2">
        {t('campaign.new', '新建征集活动')}
      </Typography>
      <Grid.Root gap={4} paddingTop={4}>
        <Grid.Item col={6} s={12}>
          <Field.Root name="name" required>
            <Field.Label>{t('campaign.name', '活动名称')}</Field.Label>
            <TextInput name="name" value={form.name} onChange={field('name')} />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={4} s={12}>
          <Field.Root name="organiser">
            <Field.Label>{t('campaign.organiser', '主办单位')}</Field.Label>
            <TextInput name="organiser" value={form.organiser} onChange={field('organiser')} />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={2} s={12}>
          <Field.Root name="year">
            <Field.Label>{t('campaign.year', '年度')}</Field.Label>
            <TextInput name="year" type="number" value={form.year} onChange={field('year')} />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={12}>
          <Field.Root name="description">
            <Field.Label>{t('campaign.description', '活动说明')}</Field.Label>
            <Textarea name="description" value={form.description} onChange={field('description')} />
          </Field.Root>
        </Grid.Item>
      </Grid.Root>
      <Flex paddingTop={4} justifyContent="flex-end">
        <Button type="submit" loading={saving} disabled={form.name.trim() === ''}>
          {t('campaign.create', '创建')}
        </Button>
      </Flex>
    </Box>
  );
};

/** The cases of a campaign, taken out one by one, and a search by title to add more (for roles that run campaigns). */
const CampaignCases = ({ t, campaign, canRun, fail }: { t: Translate; campaign: Campaign; canRun: boolean; fail: (reason: unknown) => void }) => {
  const { get, post, del } = useFetchClient();
  const [cases, setCases] = useState<CampaignCase[] | null>(null);
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<CampaignCase[] | null>(null);
  const changeable = canRun && campaign.stage !== 'closed';

  useEffect(() => {
    setCases(null);
    setFound(null);
    get<{ data: CampaignCase[] }>(`/${PLUGIN_ID}/campaigns/${campaign.documentId}/cases`)
      .then(({ data }) => setCases(data.data))
      .catch(fail);
  }, [get, campaign.documentId]);

  const find = (event: FormEvent) => {
    event.preventDefault();
    if (search.trim() === '') return;
    get<{ data: CampaignCase[] }>(`/${PLUGIN_ID}/campaign-cases?search=${encodeURIComponent(search.trim())}`)
      .then(({ data }) => setFound(data.data))
      .catch(fail);
  };
  const add = (documentId: string) =>
    post<{ data: CampaignCase[] }>(`/${PLUGIN_ID}/campaigns/${campaign.documentId}/cases`, { cases: [documentId] })
      .then(({ data }) => {
        setCases(data.data);
        setFound((current) => current?.filter((row) => row.documentId !== documentId) ?? null);
      })
      .catch(fail);
  const remove = (documentId: string) =>
    del<{ data: CampaignCase[] }>(`/${PLUGIN_ID}/campaigns/${campaign.documentId}/cases/${documentId}`)
      .then(({ data }) => setCases(data.data))
      .catch(fail);

  const state = (row: CampaignCase) => (row.published ? t('campaign.published', '已发布') : t('campaign.draft', '草稿 (发布后参与排名)'));

  return (
    <Box paddingTop={6} data-testid="voting-campaign-cases">
      <Typography variant="delta" tag="h3">
        {t('campaign.cases', '参加活动的案例')}
      </Typography>
      <Box paddingTop={2}>
        {!cases ? (
          <Loader small>{t('overview.loading', '加载中')}</Loader>
        ) : (
          <DataTable
            headers={[t('voting.case', '案例'), t('voting.hospital', '医院'), t('campaign.state', '状态'), ...(changeable ? [t('voting.actions', '操作')] : [])]}
            rows={cases.map((row) => ({
              key: row.documentId,
              cells: [
                <CaseLink documentId={row.documentId} title={row.title} />,
                row.hospital ?? '–',
                state(row),
                ...(changeable
                  ? [
                      <Button variant="danger-light" size="S" onClick={() => remove(row.documentId)}>
                        {t('campaign.remove', '移出')}
                      </Button>,
                    ]
                  : []),
              ],
            }))}
          />
        )}
      </Box>
      {changeable && (
        <Box paddingTop={4} tag="form" onSubmit={find}>
          <Flex gap={2} alignItems="flex-end">
            <Field.Root name="case-search">
              <Field.Label>{t('campaign.search', '按标题查找案例')}</Field.Label>
              <TextInput name="case-search" value={search} onChange={(event: ChangeEvent<HTMLInputElement>) => setSearch(event.target.value)} />
            </Field.Root>
            <Button type="submit" variant="secondary">
              {t('campaign.find', '查找')}
            </Button>
          </Flex>
          {found && (
            <Box paddingTop={2} data-testid="voting-case-search">
              {found.length === 0 ? (
                <Typography>{t('campaign.noneFound', '没有标题含此文字的案例')}</Typography>
              ) : (
                <DataTable
                  headers={[t('voting.case', '案例'), t('voting.hospital', '医院'), t('campaign.inCampaign', '所属活动'), t('voting.actions', '操作')]}
                  rows={found.map((row) => ({
                    key: row.documentId,
                    cells: [
                      row.title,
                      row.hospital ?? '–',
                      row.campaign ?? '–',
                      row.campaign === campaign.name ? (
                        t('campaign.already', '已在本活动')
                      ) : (
                        <Button size="S" disabled={row.campaign !== null} onClick={() => add(row.documentId)}>
                          {t('campaign.add', '加入活动')}
                        </Button>
                      ),
                    ],
                  }))}
                />
              )}
            </Box>
          )}
        </Box>
      )}
    </Box>
  );
};

/**
 * The standings of a campaign: fetched again every few seconds while it is in its voting stage, and on 刷新;
 * the time of the last fetch says how fresh they are.
 */
const Standings = ({ t, campaign, fail }: { t: Translate; campaign: Campaign; fail: (reason: unknown) => void }) => {
  const { get } = useFetchClient();
  const { formatTime } = useIntl();
  const [standings, setStandings] = useState<Standing[] | null>(null);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);

  const load = useCallback(
    () =>
      get<{ data: Standing[] }>(`/${PLUGIN_ID}/campaigns/${campaign.documentId}/ranking`)
        .then(({ data }) => {
          setStandings(data.data);
          setUpdatedAt(new Date());
        })
        .catch((reason: unknown) => {
          setStandings((current) => current ?? []);
          fail(reason);
        }),
    [get, campaign.documentId],
  );

  useEffect(() => {
    setStandings(null);
    void load();
    if (campaign.stage !== 'voting') return undefined;
    const timer = setInterval(() => void load(), LIVE_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [load, campaign.stage]);

  return (
    <Box paddingTop={6} data-testid="voting-standings">
      <Flex justifyContent="space-between" paddingBottom={2}>
        <Typography variant="delta" tag="h3">
          {t('campaign.standings', '排名')}
          {campaign.stage === 'voting' ? ` · ${t('campaign.live', '实时更新中')}` : ''}
        </Typography>
        <Flex gap={2}>
          {updatedAt && (
            <Typography textColor="neutral600" data-testid="voting-updated">
              {t('campaign.updatedAt', '更新于 {time}', { time: formatTime(updatedAt, { hour: '2-digit', minute: '2-digit', second: '2-digit' }) })}
            </Typography>
          )}
          <Button variant="tertiary" size="S" onClick={() => void load()}>
            {t('campaign.refresh', '刷新')}
          </Button>
        </Flex>
      </Flex>
      {!standings ? (
        <Loader small>{t('overview.loading', '加载中')}</Loader>
      ) : (
        <DataTable
          headers={[t('voting.rank', '名次'), t('voting.case', '案例'), t('voting.hospital', '医院'), t('counters.votes', '投票'), t('counters.views', '阅读')]}
          rows={standings.map((row) => ({ key: row.documentId, cells: [row.rank, <CaseLink documentId={row.documentId} title={row.title} />, row.hospital ?? '–', row.votes, row.views] }))}
        />
      )}
    </Box>
  );
};

/** The voting centre (投票中心): campaigns, created and run here, with their cases, live standings and CSV exports. */
const VotingCentre = () => {
  const { get, put } = useFetchClient();
  const { formatMessage } = useIntl();
  const language = useLabelLanguage();
  const { toggleNotification } = useNotification();
  const { allowedActions: exports } = useRBAC(PERMISSIONS.votingExports);
  const { allowedActions: running } = useRBAC(PERMISSIONS.campaigns);
  // useRBAC names each permission after its action's last part: plugin::casebook.campaigns → canCampaigns.
  const canRun = Boolean(running.canCampaigns);
  const t: Translate = (id, defaultMessage, values) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage }, values);
  const [campaigns, setCampaigns] = useState<Campaign[] | null>(null);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [open, setOpen] = useState<boolean | null>(null);
  const [moving, setMoving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // A request that fails leaves the page as it is and says why.
  const fail = (reason: unknown) => toggleNotification({ type: 'danger', message: describeError(reason, t) });
  const stageLabel = (stage: CampaignStage) => CAMPAIGN_STAGE.label(stage, language) ?? stage;

  const loadCampaigns = useCallback(
    () =>
      get<{ data: Campaign[] }>(`/${PLUGIN_ID}/campaigns`)
        .then(({ data }) => setCampaigns(data.data))
        .catch(setError),
    [get],
  );

  useEffect(() => {
    void loadCampaigns();
    get<{ data: { open: boolean } }>(`/${PLUGIN_ID}/voting`)
      .then(({ data }) => setOpen(data.data.open))
      .catch(fail);
  }, [get, loadCampaigns]);

  const chosen = campaigns?.find((campaign) => campaign.documentId === chosenId) ?? null;

  const move = (stage: CampaignStage) => {
    if (!chosen) return;
    setMoving(true);
    put(`/${PLUGIN_ID}/campaigns/${chosen.documentId}/stage`, { stage })
      .then(() => {
        toggleNotification({ type: 'success', message: t('campaign.moved', '「{name}」已进入「{stage}」阶段', { name: chosen.name, stage: stageLabel(stage) }) });
        return loadCampaigns();
      })
      .catch(fail)
      .finally(() => setMoving(false));
  };

  const download = async (kind: 'ranking' | 'ballots') => {
    if (!chosen) return;
    const { data } = await get<Blob>(`/${PLUGIN_ID}/campaigns/${chosen.documentId}/${kind}.csv`, { responseType: 'blob' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(data);
    link.download = `${chosen.name}-${kind === 'ranking' ? '排名' : '投票记录'}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  if (error) return isForbidden(error) ? <Page.NoPermissions /> : <Page.Error />;
  if (!campaigns) return <Loader>{t('overview.loading', '加载中')}</Loader>;

  return (
    <Layouts.Root>
      <Page.Title>{t('voting.name', '投票中心')}</Page.Title>
      <Layouts.Header title={t('voting.name', '投票中心')} subtitle={t('voting.subtitle', '各征集活动的投票排名与导出')} />
      <Layouts.Content>
        {open !== null && <VotingSwitch t={t} open={open} onChange={setOpen} fail={fail} />}
        {canRun && (
          <NewCampaign
            t={t}
            fail={fail}
            onCreated={(documentId) => {
              setChosenId(documentId);
              void loadCampaigns();
            }}
          />
        )}
        {campaigns.length === 0 ? (
          <Typography tag="p">{t('campaign.none', '还没有征集活动')}</Typography>
        ) : (
          <DataTable
            headers={[t('voting.campaign', '征集活动'), t('campaign.organiser', '主办单位'), t('campaign.year', '年度'), t('voting.stage', '阶段'), t('voting.ballots', '投票数'), t('voting.actions', '操作')]}
            rows={campaigns.map((campaign) => ({
              key: campaign.documentId,
              cells: [
                campaign.name,
                campaign.organiser ?? '–',
                // A year, not a quantity: no thousands separator.
                campaign.year === null ? '–' : String(campaign.year),
                stageLabel(campaign.stage),
                campaign.ballots,
                <Button variant="secondary" onClick={() => setChosenId(campaign.documentId)}>
                  {t('voting.show', '查看排名')}
                </Button>,
              ],
            }))}
          />
        )}

        {chosen && (
          <Box paddingTop={8} data-testid="voting-campaign">
            <Flex justifyContent="space-between" paddingBottom={4} wrap="wrap" gap={2}>
              <Flex gap={3}>
                <Typography variant="beta" tag="h2">
                  {chosen.name}
                </Typography>
                <Badge active={chosen.stage === 'voting'} data-testid="voting-stage">
                  {stageLabel(chosen.stage)}
                </Badge>
              </Flex>
              <Flex gap={2}>
                {exports.canExportRanking && (
                  <Button variant="secondary" onClick={() => download('ranking').catch(fail)}>
                    {t('voting.exportRanking', '导出排名 CSV')}
                  </Button>
                )}
                {exports.canExportBallots && (
                  <Button variant="secondary" onClick={() => download('ballots').catch(fail)}>
                    {t('voting.exportBallots', '导出投票记录 CSV')}
                  </Button>
                )}
              </Flex>
            </Flex>
            {chosen.description && <Typography tag="p">{chosen.description}</Typography>}
            {canRun && (
              <Flex gap={2} paddingTop={2}>
                {campaignStageMoves(chosen.stage).map((stage) => (
                  <Button key={stage} loading={moving} variant={CAMPAIGN_STAGE.keys.indexOf(stage) > CAMPAIGN_STAGE.keys.indexOf(chosen.stage) ? 'default' : 'tertiary'} onClick={() => move(stage)}>
                    {CAMPAIGN_STAGE.keys.indexOf(stage) > CAMPAIGN_STAGE.keys.indexOf(chosen.stage)
                      ? t('campaign.next', '进入「{stage}」阶段', { stage: stageLabel(stage) })
                      : t('campaign.back', '退回「{stage}」阶段', { stage: stageLabel(stage) })}
                  </Button>
                ))}
              </Flex>
            )}
            {/* Votes count only for a campaign in its voting stage while public voting is open: say which one is missing. */}
            <Box paddingTop={2}>
              <Typography textColor="neutral600" tag="p" data-testid="voting-hint">
                {chosen.stage !== 'voting'
                  ? t('campaign.hint.stage', '只有处于「{stage}」阶段的活动接受投票', { stage: stageLabel('voting') })
                  : open === false
                    ? t('campaign.hint.stopped', '本活动处于投票阶段, 但公众投票已暂停: 开放后才能投票')
                    : t('campaign.hint.open', '本活动正在接受投票')}
              </Typography>
            </Box>
            <Standings t={t} campaign={chosen} fail={fail} />
            <CampaignCases t={t} campaign={chosen} canRun={canRun} fail={fail} />
          </Box>
        )}
      </Layouts.Content>
    </Layouts.Root>
  );
};

/** 投票中心, for roles that hold 查看投票中心; creating and running campaigns for 管理征集活动, the export buttons for the export permissions. */
export const VotingPage = () => (
  <Page.Protect permissions={PERMISSIONS.voting}>
    <VotingCentre />
  </Page.Protect>
);
