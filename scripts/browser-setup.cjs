// What the browser tests still need on this machine, and how to get it: Debian's Chromium (never a browser downloaded
// by a test tool) and a Chinese font, without which every screenshot shows boxes instead of text.
// The decision is a pure function of what was found, so that it can be tested on any machine.

const DEFAULT_BROWSER = '/usr/bin/chromium';
const FONT_PACKAGE = 'fonts-noto-cjk';

/** The one line a person runs when this script may not install packages itself. */
function aptCommandFor(packages) {
  return `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

/**
 * @param {import('./browser-setup.cjs').MachineFacts} facts
 * @returns {import('./browser-setup.cjs').SetupPlan}
 */
function planBrowserSetup(facts) {
  if (!facts.browserPresent && facts.browserPathFromEnv) {
    return {
      kind: 'stop',
      message:
        `CHROMIUM_PATH is ${facts.browserPath}, which does not exist: point it at a Chromium or Chrome executable, ` +
        `or unset it to use Debian's ${DEFAULT_BROWSER}.`,
    };
  }
  const packages = [];
  if (!facts.browserPresent) packages.push('chromium');
  if (!facts.chineseFontPresent) packages.push(FONT_PACKAGE);
  if (packages.length === 0) return { kind: 'ready' };

  if (facts.hasAptGet && facts.privilege !== 'none') {
    const prefix = facts.privilege === 'sudo' ? ['sudo', '-n'] : [];
    const install = ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '--no-install-recommends'];
    return {
      kind: 'install',
      packages,
      commands: [
        [...prefix, 'apt-get', 'update'],
        [...prefix, ...install, ...packages],
      ],
    };
  }

  if (!facts.browserPresent) {
    return {
      kind: 'stop',
      message: facts.hasAptGet
        ? `The browser tests need Chromium, and installing it needs root: run \`${aptCommandFor(packages)}\`, then npm test again.`
        : 'The browser tests need Chromium or Chrome: set CHROMIUM_PATH to its executable, then run npm test again.',
    };
  }
  return {
    kind: 'warn',
    message: facts.hasAptGet
      ? `No Chinese font is installed, so screenshots will show boxes instead of text: run \`${aptCommandFor(packages)}\` (the tests run anyway).`
      : 'No Chinese font was found, so screenshots may show boxes instead of text (the tests run anyway).',
  };
}

module.exports = { DEFAULT_BROWSER, planBrowserSetup };
