import { FieldFrame, describedBy } from '../../../components/FieldFrame';
import type { PostSelectProps } from './PostSelect';

/** Browser: a native <select> over the member's claimed posts. */
export function PostSelect({ id, posts, value, onChange, error }: PostSelectProps) {
  return (
    <FieldFrame id={id} label="服务的岗位" required error={error}>
      <select
        id={id}
        name={id}
        className="rb-input"
        value={value}
        aria-required
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, undefined, error)}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">请选择岗位</option>
        {posts.map((post) => (
          <option key={post.id} value={post.id}>
            {`${post.kind}：${post.duty}`}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
