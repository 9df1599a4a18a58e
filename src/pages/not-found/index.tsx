import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';

/** Where an unknown or malformed address lands (app.ts sends it here), instead of a blank or the wrong page. */
export default function NotFoundPage() {
  return (
    <Page title="页面不存在">
      <EmptyState text="您要打开的页面不存在" />
      <p className="rb-text rb-center">可能是链接有误或已经失效。请回到首页，或重新扫描社区的报到码。</p>
    </Page>
  );
}
