import { SERVICE_KINDS, type ServiceKind } from '../../../types';
import { CheckboxField } from '../../components/CheckboxField';
import { RequiredMark } from '../../components/FieldFrame';
import './WillingnessChoices.scss';

interface Props {
  value: ServiceKind[];
  onChange: (value: ServiceKind[]) => void;
  error?: string | null;
}

/** 愿意参与的服务: one checkbox per kind, as a labelled group. */
export function WillingnessChoices({ value, onChange, error }: Props) {
  const toggle = (kind: ServiceKind, on: boolean) =>
    onChange(SERVICE_KINDS.filter((k) => (k === kind ? on : value.includes(k))));
  return (
    <div
      className="rb-field"
      role="group"
      aria-labelledby="willingness-label"
      aria-describedby={error ? 'willingness-error' : undefined}
    >
      <p id="willingness-label" className="rb-field__label">
        愿意参与的服务（可多选）
        <RequiredMark />
        <span className="rb-sr-only">（必填）</span>
      </p>
      <div className="rb-choices">
        {SERVICE_KINDS.map((kind, i) => (
          <CheckboxField
            key={kind}
            id={`willingness-${i}`}
            label={kind}
            checked={value.includes(kind)}
            onChange={(on) => toggle(kind, on)}
          />
        ))}
      </div>
      {error ? (
        <p id="willingness-error" className="rb-field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
