import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const isH5 = process.env.TARO_ENV === 'h5';
/** The shared contract and the pure domain code live outside src/: compile them too. */
const compile = { include: [path.resolve(__dirname, '..', 'types'), path.resolve(__dirname, '..', 'domain')] };

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'red-armband',
    date: '2025-11-28',
    // Our styles are written for a 750 px design (so 32px in our CSS is 16 px on a phone).
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // Both targets default to dist/: the browser build gets its own folder.
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: ['@tarojs/plugin-html'],
    // The WeChat cloud environment id, from TARO_APP_CLOUD_ENV at build time ('' = the default environment).
    // The URL prefix registered under 扫普通链接二维码打开小程序: the sign-in codes the staff phone draws start with it.
    defineConstants: {
      CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
      SIGN_IN_URL_PREFIX: JSON.stringify(process.env.TARO_APP_SIGN_IN_URL_PREFIX || 'https://hxz.example.gov.cn/qd'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile,
      // Each component imports its own prefixed stylesheet, so the order pages import them in does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // Render Taro's components as plain HTML (div, span, input, img) instead of web components.
      useHtmlComponents: true,
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        // rem follows the screen width between 20 px (phones) and 24 px: wider screens (a desktop) do not blow text
        // up to twice its phone size.
        pxtransform: { enable: true, config: { minRootSize: 20, maxRootSize: 24 } },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
