import type { ReactNode } from 'react';
import './Card.scss';

interface Props {
  title?: string;
  tone?: 'plain' | 'success' | 'waiting';
  className?: string;
  children?: ReactNode;
}

/** A white box for one topic, with an optional h2. */
export function Card({ title, tone = 'plain', className, children }: Props) {
  const classes = ['rb-card', tone === 'plain' ? '' : `rb-card--${tone}`, className ?? ''].filter(Boolean).join(' ');
  return (
    <section className={classes}>
      {title ? <h2 className="rb-title">{title}</h2> : null}
      {children}
    </section>
  );
}
