import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { domainMessages } from './domain-messages';
import { en } from './en';
import { zhCN } from './zh-CN';
import { featureMessages } from './feature-messages';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

const languageKey = 'daiban.language';

function savedLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(languageKey);
  return saved === 'en' ? 'en' : 'zh-CN';
}

void i18next.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: { ...zhCN, ...domainMessages.zhCN, ...featureMessages.zhCN } },
    en: { translation: { ...en, ...domainMessages.en, ...featureMessages.en } },
  },
  lng: savedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

if (globalThis.document) document.documentElement.lang = i18next.language;

export function changeLanguage(language: Language): Promise<unknown> {
  globalThis.localStorage?.setItem(languageKey, language);
  document.documentElement.lang = language;
  return i18next.changeLanguage(language);
}

export const i18n = i18next;
