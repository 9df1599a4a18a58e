import { ORDER_KINDS, ORDER_LIMITS } from '../../../types';
import { PickField } from '../../components/PickField';
import { TextAreaField } from '../../components/TextAreaField';
import { PhotoPicker } from '../photos/PhotoPicker';
import { type OrderErrors, type OrderForm, chinaDay, lastWantedDay } from './order-form';

const KIND_OPTIONS = ORDER_KINDS.map((kind) => ({ value: kind, label: kind }));

/** The resident asks in their own words (您); staff write down someone else's request. */
const WORDING = {
  resident: {
    kind: '需要哪方面的帮助',
    kindPlaceholder: '点此选择类别',
    text: '需要帮您做什么',
  },
  staff: {
    kind: '需求类别',
    kindPlaceholder: '点此选择需求类别',
    text: '需求内容',
  },
} as const;

interface Props {
  value: OrderForm;
  /** A method, so a wider form's setter (one with more fields) fits. */
  onChange<K extends keyof OrderForm>(key: K, value: OrderForm[K]): void;
  errors: OrderErrors;
  wording: keyof typeof WORDING;
}

/** A request's kind, text, wanted-by day and time (from today up to ORDER_LIMITS.wantedMaxDays ahead) and photos. */
export function RequestFields({ value, onChange, errors, wording }: Props) {
  const words = WORDING[wording];
  return (
    <>
      <PickField
        id="kind"
        label={words.kind}
        mode="selector"
        required
        value={value.kind}
        options={KIND_OPTIONS}
        placeholder={words.kindPlaceholder}
        onChange={(v) => onChange('kind', v as OrderForm['kind'])}
        error={errors.kind}
      />
      <TextAreaField
        id="text"
        label={words.text}
        required
        value={value.text}
        onChange={(v) => onChange('text', v)}
        maxChars={ORDER_LIMITS.textMax}
        placeholder="例如：家里水龙头漏水，想请人帮忙换一个"
        error={errors.text}
      />
      <PickField
        id="date"
        label="希望哪天前办好"
        mode="date"
        required
        value={value.date}
        start={chinaDay()}
        end={lastWantedDay()}
        placeholder="点此选择日期"
        onChange={(v) => onChange('date', v)}
        error={errors.date}
      />
      <PickField
        id="time"
        label="希望几点前办好"
        mode="time"
        required
        value={value.time}
        placeholder="点此选择时间"
        onChange={(v) => onChange('time', v)}
        error={errors.time}
      />
      <PhotoPicker
        id="photos"
        label="照片（可以不加）"
        max={ORDER_LIMITS.photosMax}
        value={value.photos}
        onChange={(v) => onChange('photos', v)}
        error={errors.photos}
      />
    </>
  );
}
