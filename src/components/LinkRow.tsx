import { NavLink } from './NavLink';

interface Props {
  url: string;
  tab?: boolean;
  label: string;
}

/** A full-width link row with an arrow. */
export function LinkRow({ url, tab, label }: Props) {
  return (
    <NavLink url={url} tab={tab}>
      <span>{label}</span>
      <span className="nav-link-arrow" aria-hidden="true">
        ›
      </span>
    </NavLink>
  );
}
