export default definePageConfig({
  navigationBarTitleText: '服务认定',
});
