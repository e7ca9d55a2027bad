import { SearchOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { preloaded } from '../../ui/preload';

// The palette is loaded after the first screen shows (and pinyin-pro with its worker the first
// time search opens), never with the first screen.
const loadPalette = preloaded(() => import('./SearchPalette'));
const SearchPalette = lazy(() =>
  loadPalette().then((module) => ({ default: module.SearchPalette })),
);

/** The header's search box: opens 搜索, as Ctrl+K (⌘K on a Mac) does from anywhere. */
export function SearchBox() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setLoaded(true);
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <>
      <Button
        icon={<SearchOutlined />}
        onClick={() => {
          setLoaded(true);
          setOpen(true);
        }}
        style={{ width: 280, justifyContent: 'flex-start', color: 'rgba(0,0,0,0.45)' }}
      >
        {t('search.open')}
        <Typography.Text keyboard style={{ marginLeft: 'auto', fontSize: 12 }}>
          {t('search.shortcut')}
        </Typography.Text>
      </Button>
      {loaded && (
        <Suspense fallback={null}>
          <SearchPalette open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
