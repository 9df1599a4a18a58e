import { ActionButton } from '../../../components/ActionButton';
import './PrintButton.h5.scss';

/** Browser: 打印 the 活动证 (the print styles leave out the tab bar, the navigation and every button). */
export function PrintButton() {
  return (
    <div className="rb-card-print">
      <ActionButton variant="secondary" block onClick={() => window.print()}>
        打印活动证
      </ActionButton>
    </div>
  );
}
