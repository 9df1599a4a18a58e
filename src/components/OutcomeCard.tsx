import type { ReactNode } from 'react';
import { Card } from './Card';

interface Props {
  /** What happened, said as the card's heading and announced to screen readers. */
  title: string;
  tone?: 'success' | 'waiting';
  children?: ReactNode;
}

/** The card a page shows after a write that ends its form (deleted, saved, checked in). */
export function OutcomeCard({ title, tone = 'success', children }: Props) {
  return (
    <Card tone={tone}>
      <div role="status">
        <h2 className="rb-title">{title}</h2>
      </div>
      {children}
    </Card>
  );
}
