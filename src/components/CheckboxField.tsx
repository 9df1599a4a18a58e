import './CheckboxField.scss';
export interface CheckboxFieldProps {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** Mini-program checkbox: a large tappable row with a drawn box (the browser build uses a native checkbox). */
export function CheckboxField({ id, label, checked, onChange }: CheckboxFieldProps) {
  return (
    <div id={id} className="rb-check" role="checkbox" aria-checked={checked} onClick={() => onChange(!checked)}>
      <span className={checked ? 'rb-check__box rb-check__box--on' : 'rb-check__box'}>{checked ? '✓' : ''}</span>
      <span>{label}</span>
    </div>
  );
}
