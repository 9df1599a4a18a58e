/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string;
  export default src;
}
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
  }
}

/** The WeChat cloud environment id (defineConstants in config/index.ts; '' = default environment). */
declare const CLOUD_ENV: string;

/** The sign-in code's URL prefix registered with WeChat (defineConstants in config/index.ts). */
declare const SIGN_IN_URL_PREFIX: string;
