import type { RouteKey } from '../routes';
import { NavLink } from './NavLink';
import './LinkRow.scss';

interface Props {
  to: RouteKey;
  label: string;
}

/** A full-width link row with an arrow. */
export function LinkRow({ to, label }: Props) {
  return (
    <NavLink to={to} className="rb-link-row">
      <span>{label}</span>
      <span className="rb-link-row__arrow" aria-hidden="true">
        ›
      </span>
    </NavLink>
  );
}
