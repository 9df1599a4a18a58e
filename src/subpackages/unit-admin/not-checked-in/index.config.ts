export default definePageConfig({
  navigationBarTitleText: '未报到党员',
});
