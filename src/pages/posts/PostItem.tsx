import type { PostView } from '../../../types';
import { ActionButton } from '../../components/ActionButton';
import { DateText } from '../../components/DateText';
import { Tag } from '../../components/Tag';

export interface PostItemProps {
  post: PostView;
  /** A confirmed member checked in at this community. */
  canClaim: boolean;
  /** Staff of this community. */
  canManage: boolean;
  busy: boolean;
  onClaim: (post: PostView) => void;
  onLeave: (post: PostView) => void;
  onEdit: (post: PostView) => void;
  onClose: (post: PostView) => void;
}

/** One post of the community's list: what, for whom, until when, who has claimed it, and what the reader may do. */
export function PostItem({ post, canClaim, canManage, busy, onClaim, onLeave, onEdit, onClose }: PostItemProps) {
  const open = post.status === 'open';
  const full = post.claimCount >= post.capacity;
  return (
    <li className="rb-list__item">
      <div className="rb-list__head">
        <h2 className="rb-list__name">{post.kind}</h2>
        {post.mine ? <Tag text="我已认领" tone="green" /> : null}
        {!open ? <Tag text="已结束" tone="grey" /> : full ? <Tag text="名额已满" tone="amber" /> : null}
      </div>
      <p className="rb-text rb-posts__line">做什么：{post.duty}</p>
      <p className="rb-text rb-posts__line">为谁服务：{post.forWhom}</p>
      <p className="rb-text rb-posts__line">
        截止日期：
        <DateText at={post.until} />
      </p>
      <p className="rb-text rb-posts__line">
        已认领
        <span className="rb-number">
          {post.claimCount}/{post.capacity}
        </span>
        人
      </p>
      {post.claimants.length > 0 ? (
        <ul className="rb-posts__claimants" aria-label="认领的党员">
          {post.claimants.map((claimant, i) => (
            <li className="rb-text rb-muted rb-posts__claimant" key={`${claimant.name}-${i}`}>
              {claimant.name}（{claimant.unitName}）
            </li>
          ))}
        </ul>
      ) : null}
      {(canClaim && (post.mine || (open && !full))) || (canManage && open) ? (
        <div className="rb-posts__actions">
          {canClaim && post.mine ? (
            <ActionButton variant="secondary" busy={busy} onClick={() => onLeave(post)}>
              退出岗位
            </ActionButton>
          ) : null}
          {canClaim && !post.mine && open && !full ? (
            <ActionButton busy={busy} onClick={() => onClaim(post)}>
              认领岗位
            </ActionButton>
          ) : null}
          {canManage && open ? (
            <>
              <ActionButton variant="secondary" onClick={() => onEdit(post)}>
                编辑
              </ActionButton>
              <ActionButton variant="quiet" busy={busy} onClick={() => onClose(post)}>
                结束
              </ActionButton>
            </>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
