import type { SubscribeKey } from '../notifications';

export interface NotifyApi {
  /** signedIn: the messages the person just accepted in WeChat's prompt (one more grant each). */
  subscribe: { req: { accepted: SubscribeKey[] }; res: { counts: Record<SubscribeKey, number> } };
  /** signedIn: how many messages of each kind may still be sent to the caller. */
  mine: { req: Record<string, never>; res: { counts: Record<SubscribeKey, number> } };
}
