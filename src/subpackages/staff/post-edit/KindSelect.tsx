import { Picker } from '@tarojs/components';
import { POST_KINDS, type PostKind } from '../../../../types';
import { FieldFrame } from '../../../components/FieldFrame';

export interface KindSelectProps {
  id: string;
  value: PostKind | '';
  onChange: (kind: PostKind) => void;
  error?: string | null;
}

/** Mini-program: the native scroll picker over the post kinds (the browser build uses a <select>, see .h5.tsx). */
export function KindSelect({ id, value, onChange, error }: KindSelectProps) {
  const index = value ? POST_KINDS.indexOf(value) : -1;
  return (
    <FieldFrame id={id} label="岗位类别" required error={error}>
      <Picker
        id={id}
        mode="selector"
        range={[...POST_KINDS]}
        value={Math.max(index, 0)}
        onChange={(e) => {
          const kind = POST_KINDS[Number(e.detail.value)];
          if (kind) onChange(kind);
        }}
      >
        <div className="rb-input rb-input--picker">
          {value ? value : <span className="rb-muted">点此选择岗位类别</span>}
        </div>
      </Picker>
    </FieldFrame>
  );
}
