import { TextField } from '../../components/TextField';
import type { AddressForm } from './order-form';

interface Props {
  value: AddressForm;
  onChange: (key: keyof AddressForm, value: string) => void;
  errors: Partial<Record<keyof AddressForm, string>>;
  /** Said under 小区 (e.g. who sees it). */
  compoundHint?: string;
}

/** 小区、楼栋、单元、房号: every part required, with the schema's message beside each. */
export function AddressFields({ value, onChange, errors, compoundHint }: Props) {
  return (
    <>
      <TextField
        id="compound"
        label="小区"
        required
        value={value.compound}
        onChange={(v) => onChange('compound', v)}
        placeholder="例如：东街小区"
        hint={compoundHint}
        error={errors.compound}
      />
      <TextField
        id="building"
        label="楼栋"
        required
        value={value.building}
        onChange={(v) => onChange('building', v)}
        placeholder="例如：3栋"
        error={errors.building}
      />
      <TextField
        id="unit"
        label="单元"
        required
        value={value.unit}
        onChange={(v) => onChange('unit', v)}
        placeholder="例如：2单元"
        error={errors.unit}
      />
      <TextField
        id="room"
        label="房号"
        required
        value={value.room}
        onChange={(v) => onChange('room', v)}
        placeholder="例如：301"
        error={errors.room}
      />
    </>
  );
}
