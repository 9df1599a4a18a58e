/** The browser build talks to the app server over fetch: nothing to set up. */
export function initBackend(): void {}
