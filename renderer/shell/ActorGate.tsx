import { Spin } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor } from '../../shared/domain/change';
import { repositories, syncEngine } from '../db';
import { FirstStart } from './FirstStart';
import { NeedsReload } from './lazy-page';

/**
 * Nothing can be changed before the app knows who is changing it: the first start asks for the
 * user's name and unit. Then the default approval catalog is put in (once; fixed ids, so two
 * devices seeding it independently hold the same records).
 */
export function ActorGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [actor, setActor] = useState<Actor | null | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    repositories
      .loadActor()
      .then(async (loaded) => {
        if (loaded) {
          await repositories.seedCatalog();
          // Changes a newer computer sent before this one was upgraded take effect now.
          await syncEngine.applyParked();
        }
        setActor(loaded);
      })
      // The database did not open (or upgrade): said, not an endless spinner. An upgrade is one
      // transaction, so the data is as the last version left it.
      .catch((error: unknown) =>
        setFailure(error instanceof Error ? `${error.name}: ${error.message}` : String(error)),
      );
  }, []);

  if (failure !== null) {
    return (
      <NeedsReload
        status="error"
        title={t('app.openFailed')}
        hint={t('app.openFailedHint')}
        detail={failure}
      />
    );
  }
  // An upgrade of a large database (once, after an update) takes some seconds: say what is going on.
  if (actor === undefined) return <Spin fullscreen description={t('app.opening')} />;
  if (actor === null) {
    return (
      <FirstStart
        onDone={async (entered) => {
          const saved = await repositories.saveActor(entered);
          await repositories.seedCatalog();
          setActor(saved);
        }}
      />
    );
  }
  return children;
}
