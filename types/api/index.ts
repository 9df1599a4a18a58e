import type { ActivityApi } from './activity';
import type { BoardApi } from './board';
import type { CardApi } from './card';
import type { CheckinApi } from './checkin';
import type { CommunityApi } from './community';
import type { NotifyApi } from './notify';
import type { OrderApi } from './order';
import type { PostApi } from './post';
import type { RecordApi } from './record';
import type { UnitApi } from './unit';
import type { UserApi } from './user';

export * from './activity';
export * from './board';
export * from './card';
export * from './checkin';
export * from './common';
export * from './community';
export * from './notify';
export * from './order';
export * from './post';
export * from './record';
export * from './unit';
export * from './user';

/** Every cloud function, its actions, and what each takes and returns (one file per function beside this one). */
export interface Api {
  user: UserApi;
  unit: UnitApi;
  community: CommunityApi;
  checkin: CheckinApi;
  post: PostApi;
  activity: ActivityApi;
  record: RecordApi;
  card: CardApi;
  order: OrderApi;
  board: BoardApi;
  notify: NotifyApi;
}

export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
type Entry<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { req: unknown; res: unknown }
  ? Api[F][A]
  : never;
export type RequestOf<F extends FunctionName, A extends ActionName<F>> = Entry<F, A>['req'];
export type ResponseOf<F extends FunctionName, A extends ActionName<F>> = Entry<F, A>['res'];

/** What the client sends as the function's event. */
export interface CallEvent<F extends FunctionName, A extends ActionName<F>> {
  action: A;
  data: RequestOf<F, A>;
}
