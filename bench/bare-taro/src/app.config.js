export default { pages: ['pages/index/index'], window: { navigationBarTitleText: 'bare' } };
