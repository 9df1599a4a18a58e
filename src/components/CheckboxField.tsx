export interface CheckboxFieldProps {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** Mini-program checkbox: a large tappable row with a drawn box (the browser build uses a native checkbox). */
export function CheckboxField({ id, label, checked, onChange }: CheckboxFieldProps) {
  return (
    <div id={id} className="check" role="checkbox" aria-checked={checked} onClick={() => onChange(!checked)}>
      <span className={checked ? 'check-box check-box-on' : 'check-box'}>{checked ? '✓' : ''}</span>
      <span>{label}</span>
    </div>
  );
}
