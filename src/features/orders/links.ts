import { ROUTES } from '../../routes';

/** One request's page. */
export function orderUrl(id: string): string {
  return `${ROUTES.orderDetail.path}?id=${encodeURIComponent(id)}`;
}

/** The taker's 办好了 form for one request. */
export function orderDoneUrl(id: string): string {
  return `${ROUTES.orderDone.path}?id=${encodeURIComponent(id)}`;
}

/** The `?id=` a request's page was opened with. */
export function idParam(params: Record<string, string | undefined>): string {
  return params.id ? decodeURIComponent(params.id) : '';
}
