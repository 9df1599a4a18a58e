export default definePageConfig({
  navigationBarTitleText: '我领办的需求',
});
