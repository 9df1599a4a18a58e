/**
 * Stand-ins for WeChat's built-in components. miniprogram-simulate registers each as a bare `<slot/>`, which drops
 * every attribute; these keep the ones a test reads or the harness acts on (a disabled button, an input's value, a
 * navigator's url, an image's src, a picker's range).
 */
type PropertyType = typeof String | typeof Boolean | typeof Number | typeof Array | null;

const STAND_INS: Record<string, Record<string, PropertyType>> = {
  button: { disabled: Boolean, loading: Boolean, openType: String, formType: String },
  input: { value: String, placeholder: String, disabled: Boolean, type: String, password: Boolean, maxlength: Number },
  textarea: { value: String, placeholder: String, disabled: Boolean, maxlength: Number },
  navigator: { url: String, openType: String, delta: Number },
  image: { src: String, mode: String },
  picker: { mode: String, range: Array, rangeKey: String, value: null, disabled: Boolean },
  checkbox: { value: String, checked: Boolean, disabled: Boolean },
  radio: { value: String, checked: Boolean, disabled: Boolean },
  switch: { checked: Boolean, disabled: Boolean },
  canvas: { type: String, canvasId: String },
};

interface ComponentEngine {
  register(definition: Record<string, unknown>): unknown;
}

export function registerBuiltIns(engine: ComponentEngine): void {
  for (const [name, types] of Object.entries(STAND_INS)) {
    const properties = Object.fromEntries(Object.entries(types).map(([key, type]) => [key, { type }]));
    engine.register({ id: name, tagName: `wx-${name}`, template: '<slot/>', properties });
  }
}
