export default definePageConfig({
  navigationBarTitleText: '已报到党员',
});
