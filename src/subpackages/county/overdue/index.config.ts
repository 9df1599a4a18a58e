export default definePageConfig({
  navigationBarTitleText: '超时未认定',
});
