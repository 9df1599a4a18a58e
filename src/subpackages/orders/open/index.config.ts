export default definePageConfig({
  navigationBarTitleText: '可领办的需求',
});
