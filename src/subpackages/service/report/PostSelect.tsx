import { Picker } from '@tarojs/components';
import type { PostView } from '../../../../types';
import { FieldFrame } from '../../../components/FieldFrame';

export interface PostSelectProps {
  id: string;
  posts: PostView[];
  value: string;
  onChange: (postId: string) => void;
  error?: string | null;
}

/** How a claimed post is named in the choice: its kind and what is done. */
export function postLabel(post: PostView): string {
  return `${post.kind}：${post.duty}`;
}

/** Mini-program: the native picker over the member's claimed posts (the browser build uses a <select>). */
export function PostSelect({ id, posts, value, onChange, error }: PostSelectProps) {
  const index = posts.findIndex((post) => post.id === value);
  const selected = index >= 0 ? posts[index] : undefined;
  return (
    <FieldFrame id={id} label="服务的岗位" required error={error}>
      <Picker
        id={id}
        mode="selector"
        range={posts.map(postLabel)}
        value={Math.max(index, 0)}
        onChange={(e) => {
          const post = posts[Number(e.detail.value)];
          if (post) onChange(post.id);
        }}
      >
        <div className="rb-input rb-input--picker">
          {selected ? postLabel(selected) : <span className="rb-muted">点此选择岗位</span>}
        </div>
      </Picker>
    </FieldFrame>
  );
}
