/** Mini-program: the code can be saved by a long press (the browser build offers printing, see .h5.tsx). */
export function QrNote() {
  return <p className="rb-text rb-muted rb-center">长按报到码可以保存图片，打印后张贴在社区服务站。</p>;
}
