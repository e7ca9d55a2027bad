// Stands in for 'date-fns/locale' (see vite.config.ts): antd's date-fns picker adapter imports
// every locale by name; the app speaks only Chinese and English, and this keeps ~1 MB of other
// locales out of the bundle.
export { enUS } from 'date-fns/locale/en-US';
export { zhCN } from 'date-fns/locale/zh-CN';
