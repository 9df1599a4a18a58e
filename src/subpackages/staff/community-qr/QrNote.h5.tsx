import { ActionButton } from '../../../components/ActionButton';
import './QrNote.h5.scss';

/** Browser: the page is for printing; members scan the printed code with WeChat. */
export function QrNote() {
  return (
    <div className="rb-qr-note">
      <p className="rb-text rb-muted rb-center">这是网页版的报到码。可以打印本页，把报到码张贴在社区服务站。</p>
      <ActionButton block variant="secondary" onClick={() => window.print()}>
        打印报到码
      </ActionButton>
    </div>
  );
}
