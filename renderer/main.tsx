import '@fontsource/noto-sans-sc/chinese-simplified-400.css';
import '@fontsource/noto-sans-sc/chinese-simplified-600.css';
import '@fontsource/noto-sans-sc/latin-400.css';
import '@fontsource/noto-sans-sc/latin-600.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18n } from './i18n';
import { App } from './shell/App';
import { requestPersistentStorage } from './platform/storage';
import { nameIcons } from './ui/icon-labels';

void requestPersistentStorage();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
nameIcons(document.body, i18n);
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
