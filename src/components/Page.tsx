import type { ReactNode } from 'react';

interface Props {
  /** The page's one h1. */
  title: string;
  children?: ReactNode;
}

/** A page's main landmark with its heading. */
export function Page({ title, children }: Props) {
  return (
    <main className="page">
      <h1 className="page-title">{title}</h1>
      {children}
    </main>
  );
}
