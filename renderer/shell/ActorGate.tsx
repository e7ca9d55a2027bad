import { Spin } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { Actor } from '../../shared/domain/change';
import { repositories, syncEngine } from '../db';
import { FirstStart } from './FirstStart';

/**
 * Nothing can be changed before the app knows who is changing it: the first start asks for the
 * user's name and unit. Then the default approval catalog is put in (once; fixed ids, so two
 * devices seeding it independently hold the same records).
 */
export function ActorGate({ children }: { children: ReactNode }) {
  const [actor, setActor] = useState<Actor | null | undefined>(undefined);

  useEffect(() => {
    void repositories.loadActor().then(async (loaded) => {
      if (loaded) {
        await repositories.seedCatalog();
        // Changes a newer computer sent before this one was upgraded take effect now.
        await syncEngine.applyParked();
      }
      setActor(loaded);
    });
  }, []);

  if (actor === undefined) return <Spin fullscreen />;
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
