import type { ReactNode } from 'react';
import './InfoList.scss';

export interface InfoItem {
  key: string;
  value: ReactNode;
}

/** Label–value rows as a description list. */
export function InfoList({ items }: { items: InfoItem[] }) {
  return (
    <dl className="rb-info">
      {items.map((item) => (
        <div className="rb-info__row" key={item.key}>
          <dt className="rb-info__key">{item.key}</dt>
          <dd className="rb-info__value">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
