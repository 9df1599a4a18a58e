// The bare Taro React app the weapp size is compared with: one page, no component library.
module.exports = function () {
  return {
    projectName: 'bare-taro',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: 'dist',
    plugins: [],
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: { postcss: { pxtransform: { enable: true, config: {} } } },
  };
};
