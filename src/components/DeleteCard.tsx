import Taro from '@tarojs/taro';
import type { Action } from '../hooks/use-action';
import { ActionButton } from './ActionButton';
import { Alert } from './Alert';
import { Card } from './Card';

interface Props {
  /** The card's heading and its button, e.g. 删除我的资料. */
  title: string;
  /** What deleting removes and what it keeps, one paragraph each. */
  explained: string[];
  /** The question asked first: deleting cannot be undone. */
  confirm: { title: string; content: string };
  /** The deletion, run once the person has said yes. */
  deletion: Action<[], unknown>;
}

/** A person deletes what the app keeps about them: said plainly first, asked again, then done. */
export function DeleteCard({ title, explained, confirm, deletion }: Props) {
  const ask = async () => {
    const answer = await Taro.showModal({
      ...confirm,
      confirmText: '删除',
      cancelText: '取消',
      confirmColor: '#c8161d',
    });
    if (answer.confirm) await deletion.run();
  };
  return (
    <Card title={title}>
      {explained.map((text) => (
        <p key={text} className="rb-text">
          {text}
        </p>
      ))}
      <Alert message={deletion.error?.message} />
      <ActionButton block variant="secondary" busy={deletion.busy} busyText="正在删除…" onClick={() => void ask()}>
        {title}
      </ActionButton>
    </Card>
  );
}
