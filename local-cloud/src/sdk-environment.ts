/**
 * The environment that points the real wx-server-sdk at a local cloud: the admin URL it reads on every request, the
 * cloud-function run mode (no metadata lookups), the env id, and a dummy secret (without one the SDK throws un-awaited).
 */
export function sdkEnvironment(cloudUrl: string, env: string): Record<string, string> {
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${cloudUrl}/admin` }),
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TCB_ENV: env,
    SCF_NAMESPACE: env,
    TENCENTCLOUD_SECRETID: 'local-secret-id',
    TENCENTCLOUD_SECRETKEY: 'local-secret-key',
    SILENCE: 'true',
  };
}
