import type { ReactNode } from 'react';
import { BackHome } from './BackHome';
import './Page.scss';

interface Props {
  /** The page's one h1. */
  title: string;
  /** A tab-bar page: the tab bar is its way around, so it has no 返回/回到首页 bar. */
  tab?: boolean;
  children?: ReactNode;
}

/** A page's main landmark with its heading, and a way back or home where the platform gives none. */
export function Page({ title, tab, children }: Props) {
  return (
    <main className="rb-page">
      {tab ? null : <BackHome />}
      <h1 className="rb-page__title">{title}</h1>
      {children}
    </main>
  );
}
