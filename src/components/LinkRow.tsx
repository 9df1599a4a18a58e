import { NavLink } from './NavLink';
import './LinkRow.scss';

interface Props {
  url: string;
  tab?: boolean;
  label: string;
}

/** A full-width link row with an arrow. */
export function LinkRow({ url, tab, label }: Props) {
  return (
    <NavLink url={url} tab={tab} className="rb-link-row">
      <span>{label}</span>
      <span className="rb-link-row__arrow" aria-hidden="true">
        ›
      </span>
    </NavLink>
  );
}
