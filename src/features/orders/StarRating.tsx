import { FieldFrame } from '../../components/FieldFrame';
import './orders.scss';

/** What each number of stars says. */
export const STAR_WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意'] as const;

interface Props {
  id: string;
  label: string;
  /** 1–5, or null while none is chosen. */
  value: number | null;
  onChange: (stars: number) => void;
  required?: boolean;
  error?: string | null;
}

/** 1–5 stars as five big buttons (each says its number, so large text and screen readers keep it plain). */
export function StarRating({ id, label, value, onChange, required, error }: Props) {
  const chosen = value ? `您选了${value}星：${STAR_WORDS[value]}` : '点一下选择星级，5星最满意';
  return (
    <FieldFrame id={id} label={label} required={required} hint={chosen} error={error}>
      <div className="rb-stars" role="group" aria-label={label}>
        {[1, 2, 3, 4, 5].map((stars) => (
          <button
            key={stars}
            id={stars === 1 ? id : undefined}
            type="button"
            className={value !== null && stars <= value ? 'rb-stars__star rb-stars__star--on' : 'rb-stars__star'}
            aria-pressed={value === stars}
            onClick={() => onChange(stars)}
          >
            {stars}星
          </button>
        ))}
      </div>
    </FieldFrame>
  );
}

/** 「★★★★☆（4星）」 for a given rating. */
export function starsText(stars: number | null): string {
  if (stars === null) return '未评星级';
  return `${'★'.repeat(stars)}${'☆'.repeat(5 - stars)}（${stars}星）`;
}
