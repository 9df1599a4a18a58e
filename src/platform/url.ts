/** Mini-program: WeChat hands pages their path and query already parsed; nothing to repair. */
export function repairMalformedUrl(): void {}
