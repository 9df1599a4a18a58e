import type { ReactNode } from 'react';

interface Props {
  title?: string;
  tone?: 'plain' | 'success' | 'waiting';
  className?: string;
  children?: ReactNode;
}

/** A white box for one topic, with an optional h2. */
export function Card({ title, tone = 'plain', className, children }: Props) {
  const classes = ['card', tone === 'plain' ? '' : `card-${tone}`, className ?? ''].filter(Boolean).join(' ');
  return (
    <section className={classes}>
      {title ? <h2 className="section-title">{title}</h2> : null}
      {children}
    </section>
  );
}
