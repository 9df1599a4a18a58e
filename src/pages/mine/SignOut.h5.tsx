import { ActionButton } from '../../components/ActionButton';
import { Alert } from '../../components/Alert';
import { Card } from '../../components/Card';
import '../../components/LinkRow.scss';
import { useAction } from '../../hooks/use-action';

const SIGN_IN = '/dev/login';

/** Browser: 退出登录 ends the session on the server; 切换身份 opens the sign-in page to choose someone else. */
export function SignOut() {
  const signOut = useAction(async () => {
    const res = await fetch('/dev/logout', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ next: SIGN_IN }).toString(),
    });
    if (!res.ok) throw new Error(String(res.status));
    window.location.assign(SIGN_IN);
    return true;
  });

  return (
    <Card title="登录">
      <Alert message={signOut.error ? '没有退出成功，请检查网络后再试' : null} />
      {/* Signed out, it stays busy while the browser opens the sign-in page. */}
      <ActionButton
        block
        variant="secondary"
        busy={signOut.busy || signOut.data === true}
        busyText="正在退出…"
        onClick={() => void signOut.run()}
      >
        退出登录
      </ActionButton>
      <a className="rb-link-row" href={`${SIGN_IN}?next=${encodeURIComponent('/')}`}>
        <span>切换身份</span>
        <span className="rb-link-row__arrow" aria-hidden="true">
          ›
        </span>
      </a>
    </Card>
  );
}
