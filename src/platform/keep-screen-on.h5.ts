/** Browser: nothing to do (the demo's screen is a desktop or a phone the person holds). */
export function keepScreenOn(_on: boolean): void {}
