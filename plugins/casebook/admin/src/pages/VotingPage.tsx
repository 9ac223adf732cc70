import { Box, Button, Flex, Loader, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { CAMPAIGN_STAGE } from '../../../server/src/closed-sets';
import type { Campaign, Standing as ServerStanding } from '../../../server/src/admin-api';
import { DataTable } from '../components/DataTable';
import { useLabelLanguage } from '../language';
import { describeError, isForbidden } from '../errors';
import { PERMISSIONS } from '../permissions';
import { PLUGIN_ID } from '../pluginId';

/** A standing as the page shows it: without when the case reached its votes, which the ranking route also sends. */
type Standing = Omit<ServerStanding, 'votedAt'>;

/**
 * Whether the public may vote, and, for roles that hold 开放或暂停公众投票, the button that stops or opens it
 * (the Public role's vote permission: it stays as set across restarts).
 */
const VotingSwitch = ({ t, fail }: { t: (id: string, defaultMessage: string) => string; fail: (reason: unknown) => void }) => {
  const { get, put } = useFetchClient();
  const { allowedActions } = useRBAC(PERMISSIONS.votingSwitch);
  const [open, setOpen] = useState<boolean | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    get<{ data: { open: boolean } }>(`/${PLUGIN_ID}/voting`)
      .then(({ data }) => setOpen(data.data.open))
      .catch(fail);
  }, [get]);

  const change = (next: boolean) => {
    setSaving(true);
    put<{ data: { open: boolean } }>(`/${PLUGIN_ID}/voting`, { open: next })
      .then(({ data }) => setOpen(data.data.open))
      .catch(fail)
      .finally(() => setSaving(false));
  };

  if (open === null) return null;
  return (
    <Flex justifyContent="space-between" paddingBottom={6}>
      <Typography variant="delta" tag="p">
        {t('voting.public', '公众投票：')}{open ? t('voting.open', '开放中') : t('voting.stopped', '已暂停')}
      </Typography>
      {allowedActions.canSwitch && (
        <Button variant={open ? 'danger-light' : 'default'} loading={saving} onClick={() => change(!open)}>
          {open ? t('voting.stop', '暂停投票') : t('voting.reopen', '开放投票')}
        </Button>
      )}
    </Flex>
  );
};

/** The voting centre (投票中心): each campaign's standings, and, for roles that may export them, its ranking and ballots as CSV. */
const VotingCentre = () => {
  const { get } = useFetchClient();
  const { formatMessage } = useIntl();
  const language = useLabelLanguage();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC(PERMISSIONS.votingExports);
  const t = (id: string, defaultMessage: string) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage });
  const [campaigns, setCampaigns] = useState<Campaign[] | null>(null);
  const [chosen, setChosen] = useState<Campaign | null>(null);
  const [standings, setStandings] = useState<Standing[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  // A standing or a download that fails leaves the page as it is and says why.
  const fail = (reason: unknown) => toggleNotification({ type: 'danger', message: describeError(reason, t) });

  useEffect(() => {
    get<{ data: Campaign[] }>(`/${PLUGIN_ID}/campaigns`)
      .then(({ data }) => setCampaigns(data.data))
      .catch(setError);
  }, [get]);

  useEffect(() => {
    if (!chosen) return;
    setStandings(null);
    get<{ data: Standing[] }>(`/${PLUGIN_ID}/campaigns/${chosen.documentId}/ranking`)
      .then(({ data }) => setStandings(data.data))
      .catch((reason: unknown) => {
        setStandings([]);
        fail(reason);
      });
  }, [get, chosen]);

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
        <VotingSwitch t={t} fail={fail} />
        <DataTable
          headers={[t('voting.campaign', '征集活动'), t('voting.stage', '阶段'), t('voting.ballots', '投票数'), t('voting.actions', '操作')]}
          rows={campaigns.map((campaign) => ({
            key: campaign.documentId,
            cells: [
              campaign.name,
              CAMPAIGN_STAGE.label(campaign.stage, language) ?? campaign.stage,
              campaign.ballots,
              <Button variant="secondary" onClick={() => setChosen(campaign)}>
                {t('voting.show', '查看排名')}
              </Button>,
            ],
          }))}
        />

        {chosen && (
          <Box paddingTop={8}>
            <Flex justifyContent="space-between" paddingBottom={4}>
              <Typography variant="beta" tag="h2">
                {chosen.name}
              </Typography>
              <Flex gap={2}>
                {allowedActions.canExportRanking && (
                  <Button variant="secondary" onClick={() => download('ranking').catch(fail)}>
                    {t('voting.exportRanking', '导出排名 CSV')}
                  </Button>
                )}
                {allowedActions.canExportBallots && (
                  <Button variant="secondary" onClick={() => download('ballots').catch(fail)}>
                    {t('voting.exportBallots', '导出投票记录 CSV')}
                  </Button>
                )}
              </Flex>
            </Flex>
            {!standings ? (
              <Loader>{t('overview.loading', '加载中')}</Loader>
            ) : (
              <DataTable
                headers={[t('voting.rank', '名次'), t('voting.case', '案例'), t('voting.hospital', '医院'), t('counters.votes', '投票'), t('counters.views', '阅读')]}
                rows={standings.map((row) => ({ key: row.documentId, cells: [row.rank, row.title, row.hospital ?? '–', row.votes, row.views] }))}
              />
            )}
          </Box>
        )}
      </Layouts.Content>
    </Layouts.Root>
  );
};

/** 投票中心, for roles that hold 查看投票中心; the export buttons show for the export permissions. */
export const VotingPage = () => (
  <Page.Protect permissions={PERMISSIONS.voting}>
    <VotingCentre />
  </Page.Protect>
);
