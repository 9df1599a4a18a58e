/** Shown while a page waits for its first data. */
export function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <p className="rb-muted" role="status">
      {text}
    </p>
  );
}
