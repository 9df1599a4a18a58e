import { planBrowserSetup, type MachineFacts } from '../browser-setup.cjs';

const ready: MachineFacts = {
  browserPath: '/usr/bin/chromium',
  browserPathFromEnv: false,
  browserPresent: true,
  chineseFontPresent: true,
  hasAptGet: true,
  privilege: 'none',
};

describe('planBrowserSetup', () => {
  test('nothing to do when the browser and a Chinese font are there', () => {
    expect(planBrowserSetup(ready)).toEqual({ kind: 'ready' });
  });

  test('as root, installs what is missing with apt-get, non-interactively and without recommends', () => {
    const plan = planBrowserSetup({ ...ready, browserPresent: false, chineseFontPresent: false, privilege: 'root' });
    expect(plan).toEqual({
      kind: 'install',
      packages: ['chromium', 'fonts-noto-cjk'],
      commands: [
        ['apt-get', 'update'],
        [
          'env',
          'DEBIAN_FRONTEND=noninteractive',
          'apt-get',
          'install',
          '-y',
          '--no-install-recommends',
          'chromium',
          'fonts-noto-cjk',
        ],
      ],
    });
  });

  test('with passwordless sudo, runs the same commands through sudo -n, installing only what is missing', () => {
    const plan = planBrowserSetup({ ...ready, chineseFontPresent: false, privilege: 'sudo' });
    expect(plan.kind === 'install' && plan.commands).toEqual([
      ['sudo', '-n', 'apt-get', 'update'],
      [
        'sudo',
        '-n',
        'env',
        'DEBIAN_FRONTEND=noninteractive',
        'apt-get',
        'install',
        '-y',
        '--no-install-recommends',
        'fonts-noto-cjk',
      ],
    ]);
  });

  test('without the right to install, a missing browser stops with one line naming the one command', () => {
    const plan = planBrowserSetup({ ...ready, browserPresent: false, chineseFontPresent: false });
    expect(plan.kind).toBe('stop');
    const message = plan.kind === 'stop' ? plan.message : '';
    expect(message).not.toContain('\n');
    expect(message).toContain(
      '`sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium fonts-noto-cjk`',
    );
  });

  test('without the right to install, a missing font only warns: the tests can run, the screenshots are worse', () => {
    const plan = planBrowserSetup({ ...ready, chineseFontPresent: false });
    expect(plan.kind).toBe('warn');
    expect(plan.kind === 'warn' && plan.message).toContain('install -y --no-install-recommends fonts-noto-cjk`');
  });

  test('a CHROMIUM_PATH that names nothing stops, and nothing is installed in its place even as root', () => {
    const plan = planBrowserSetup({
      ...ready,
      browserPath: '/opt/none/chrome',
      browserPathFromEnv: true,
      browserPresent: false,
      privilege: 'root',
    });
    expect(plan).toEqual({ kind: 'stop', message: expect.stringContaining('CHROMIUM_PATH is /opt/none/chrome') });
  });

  test('without apt-get (not Debian), a missing browser points at CHROMIUM_PATH instead of apt', () => {
    const plan = planBrowserSetup({ ...ready, browserPresent: false, hasAptGet: false, privilege: 'root' });
    expect(plan.kind).toBe('stop');
    expect(plan.kind === 'stop' && plan.message).toContain('set CHROMIUM_PATH');
    expect(plan.kind === 'stop' && plan.message).not.toContain('apt-get');
  });
});
