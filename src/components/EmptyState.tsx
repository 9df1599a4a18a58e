import emptyImage from '../assets/empty.png';

/** Nothing to show yet: a local picture (no CDN) and a sentence. */
export function EmptyState({ text }: { text: string }) {
  return (
    <div className="empty">
      <img className="empty-image" src={emptyImage} alt="" />
      <p className="muted">{text}</p>
    </div>
  );
}
