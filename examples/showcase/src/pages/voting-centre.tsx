import type { Campaign, CaseSummary } from '@casebook/sdk';
import { Link, useLoaderData } from 'react-router-dom';
import { casebook } from '../casebook';
import { VoteButton } from '../components/vote-button';
import { hospitalLine } from '../format';
import type { Names } from '../labels';
import { loadNames } from '../names';
import { useDocumentTitle } from '../use-document-title';

/** How many cases a campaign's board ranks, and the board of every case. */
const CAMPAIGN_BOARD_SIZE = 50;
const OVERALL_BOARD_SIZE = 20;

/**
 * The ranking of each campaign in its voting stage, and of every published case. The SDK lists no campaigns, so
 * they are found on the cases of the overall ranking (its first hundred).
 */
export const votingCentreLoader = async () => {
  const [overall, names] = await Promise.all([casebook.cases.ranking({ limit: 100 }), loadNames()]);
  const voting = new Map<string, Campaign>();
  for (const { campaign } of overall) if (campaign?.stage === 'voting') voting.set(campaign.documentId, campaign);
  const campaigns = await Promise.all(
    [...voting.values()].map(async (campaign) => ({ campaign, cases: await casebook.cases.ranking({ campaign: campaign.documentId, limit: CAMPAIGN_BOARD_SIZE }) })),
  );
  return { campaigns, overall: overall.slice(0, OVERALL_BOARD_SIZE), names };
};

type VotingCentreData = Awaited<ReturnType<typeof votingCentreLoader>>;

/** One ranking: place, title (a link to the case), hospital, and the vote button with the count. */
const Board = ({ id, title, note, cases, names }: { id: string; title: string; note: string; cases: CaseSummary[]; names: Names }) => (
  <section className="board" aria-labelledby={`board-${id}`} data-testid="ranking-board">
    <h2 id={`board-${id}`}>{title}</h2>
    <p className="board__note">{note}</p>
    {cases.length === 0 ? (
      <p className="empty">还没有案例。</p>
    ) : (
      <ol className="ranking">
        {cases.map((shown, index) => (
          <li key={shown.documentId} className="ranking__row" data-testid="ranking-row">
            <span className="ranking__place" aria-label={`第 ${index + 1} 名`}>
              {index + 1}
            </span>
            <div className="ranking__case">
              <h3>{shown.slug ? <Link to={`/cases/${encodeURIComponent(shown.slug)}`}>{shown.title}</Link> : shown.title}</h3>
              {shown.hospital ? <p>{hospitalLine(shown.hospital, names)}</p> : null}
            </div>
            <VoteButton documentId={shown.documentId} votes={shown.votes} caseTitle={shown.title} />
          </li>
        ))}
      </ol>
    )}
  </section>
);

/** 投票中心: the standings by votes, of each campaign that is voting and of all cases, with a vote button for each case. */
export const VotingCentrePage = () => {
  const { campaigns, overall, names } = useLoaderData() as VotingCentreData;
  useDocumentTitle('投票中心');
  return (
    <div className="voting-centre">
      <h1 className="page-title">投票中心</h1>
      {campaigns.length === 0 ? <p className="board__note">目前没有正在投票的征集活动。</p> : null}
      {campaigns.map(({ campaign, cases }) => (
        <Board
          key={campaign.documentId}
          id={campaign.documentId}
          title={campaign.name}
          note={`${campaign.organiser ? `${campaign.organiser} · ` : ''}投票进行中,欢迎为您喜欢的案例点赞。`}
          cases={cases}
          names={names}
        />
      ))}
      <Board id="all" title="全部案例点赞榜" note={`点赞最多的 ${OVERALL_BOARD_SIZE} 个案例。`} cases={overall} names={names} />
    </div>
  );
};
