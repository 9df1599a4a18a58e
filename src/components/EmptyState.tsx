import emptyImage from '../assets/empty.png';
import './EmptyState.scss';

/** Nothing to show yet: a local picture (no CDN) and a sentence. */
export function EmptyState({ text }: { text: string }) {
  return (
    <div className="rb-empty">
      <img className="rb-empty__image" src={emptyImage} alt="" />
      <p className="rb-muted">{text}</p>
    </div>
  );
}
