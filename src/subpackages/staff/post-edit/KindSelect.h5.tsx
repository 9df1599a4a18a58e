import { POST_KINDS, type PostKind } from '../../../../types';
import { FieldFrame, describedBy } from '../../../components/FieldFrame';
import type { KindSelectProps } from './KindSelect';

/** Browser: a native <select> tied to its label. */
export function KindSelect({ id, value, onChange, error }: KindSelectProps) {
  return (
    <FieldFrame id={id} label="岗位类别" required error={error}>
      <select
        id={id}
        name={id}
        className="rb-input"
        value={value}
        aria-required
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, undefined, error)}
        onChange={(e) => onChange(e.target.value as PostKind)}
      >
        <option value="">请选择岗位类别</option>
        {POST_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {kind}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
