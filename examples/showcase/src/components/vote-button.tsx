import { useId, useState } from 'react';
import type { VoteResult } from '@casebook/sdk';
import { casebook, visitorId } from '../casebook';
import { describeError } from '../errors';
import { formatCount } from '../format';
import { VOTE_REFUSAL_MESSAGE } from '../labels';

type VoteState = { kind: 'idle' } | { kind: 'voting' } | { kind: 'answered'; result: VoteResult } | { kind: 'failed'; message: string };

const messageOf = (state: VoteState): string => {
  switch (state.kind) {
    case 'idle':
      return '';
    case 'voting':
      return '正在提交…';
    case 'answered':
      if (state.result.counted) return '点赞成功,感谢您的支持!';
      return state.result.reason ? VOTE_REFUSAL_MESSAGE[state.result.reason] : '这次点赞没有计入';
    case 'failed':
      return state.message;
  }
};

/**
 * 给我点赞: one vote for the case by this browser's visitor. The count shown is the one the CMS answers; the
 * message (read out by screen readers) says whether the vote counted, and why not.
 */
export const VoteButton = ({ documentId, votes, caseTitle }: { documentId: string; votes: number; caseTitle: string }) => {
  const [state, setState] = useState<VoteState>({ kind: 'idle' });
  const statusId = useId();
  const shown = state.kind === 'answered' ? state.result.votes : votes;

  const vote = async () => {
    setState({ kind: 'voting' });
    try {
      setState({ kind: 'answered', result: await casebook.cases.vote(documentId, visitorId()) });
    } catch (error) {
      setState({ kind: 'failed', message: describeError(error) });
    }
  };

  const tone = state.kind === 'failed' || (state.kind === 'answered' && !state.result.counted) ? 'vote__status--refused' : 'vote__status--ok';
  return (
    <div className="vote">
      <button type="button" className="vote__button" onClick={vote} disabled={state.kind === 'voting'} aria-describedby={statusId} title={`为「${caseTitle}」点赞`}>
        <svg className="vote__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 21s-7-4.35-9.5-8.5C.9 9.6 2.4 5.5 6.3 5.1c2.1-.2 3.9.9 5.7 3 1.8-2.1 3.6-3.2 5.7-3 3.9.4 5.4 4.5 3.8 7.4C19 16.65 12 21 12 21z" />
        </svg>
        给我点赞
      </button>
      <span className="vote__count">
        <span className="visually-hidden">点赞数</span>
        <span data-testid="vote-count">{formatCount(shown)}</span>
        <span aria-hidden="true"> 赞</span>
      </span>
      <p id={statusId} className={`vote__status ${tone}`} role="status">
        {messageOf(state)}
      </p>
    </div>
  );
};
