export { type LaunchOptions, type WeappApp, launchApp, withApp } from './launch';
export type { WeappPage } from './page-handle';
export type { Target } from './elements';
export type { Records, ScanAnswer } from './records';
export { phoneCodeFor } from './wx-cloud';
