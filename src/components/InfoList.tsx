import type { ReactNode } from 'react';

export interface InfoItem {
  key: string;
  value: ReactNode;
}

/** Label–value rows as a description list. */
export function InfoList({ items }: { items: InfoItem[] }) {
  return (
    <dl className="list">
      {items.map((item) => (
        <div className="info-row" key={item.key}>
          <dt className="info-key">{item.key}</dt>
          <dd className="info-value">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
