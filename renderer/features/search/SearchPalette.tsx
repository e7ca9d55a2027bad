import { Empty, Flex, Input, Modal, Spin, Typography, type InputRef } from 'antd';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SearchHit, SearchResults } from '../../../shared/search/search-index';
import {
  searchRecords,
  startSearchIndex,
  useSearchIndexState,
} from '../../db/search-worker-client';
import { recordLink } from './record-link';

const limitPerKind = 5;

/**
 * 搜索 (Ctrl+K): one box over every record. Results come grouped by kind; ↑↓ move, Enter opens
 * the record on its project's page (its drawer or form open), Esc closes.
 */
export function SearchPalette({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<InputRef>(null);
  const { ready, version } = useSearchIndexState();

  const [answer, setAnswer] = useState<{ query: string; results: SearchResults }>({
    query: '',
    results: [],
  });

  useEffect(() => startSearchIndex(), []);
  useEffect(() => {
    // version: the records changed, so the same query may find other ones.
    if (!ready || version === 0) return;
    let current = true;
    void searchRecords(query, limitPerKind).then((results) => {
      if (current) setAnswer({ query, results });
    });
    return () => {
      current = false;
    };
  }, [query, ready, version]);
  const results = answer.results;
  // Enter opens what the words typed found, never what an earlier keystroke did.
  const answered = answer.query === query;
  const hits = useMemo(() => results.flatMap((group) => group.hits), [results]);
  const selected = Math.min(active, Math.max(hits.length - 1, 0));

  function openHit(hit: SearchHit) {
    onClose();
    void navigate(recordLink(hit));
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((selected + step + hits.length) % Math.max(hits.length, 1));
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      const hit = hits[selected];
      if (hit && answered) {
        event.preventDefault();
        openHit(hit);
      }
    }
  }

  let position = -1;
  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      closable={false}
      width={680}
      destroyOnHidden
      afterOpenChange={(opened) => opened && input.current?.focus()}
      // The title names the dialog for screen readers; the box itself says what it is.
      title={t('search.open')}
      styles={{ body: { padding: 0 }, header: { display: 'none' } }}
    >
      <Input
        ref={input}
        size="large"
        autoFocus
        allowClear
        variant="borderless"
        aria-label={t('search.open')}
        placeholder={t('search.placeholder')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        style={{ borderBottom: '1px solid #f0f0f0', borderRadius: 0 }}
      />
      <div
        role="listbox"
        aria-label={t('search.open')}
        style={{ maxHeight: 460, overflow: 'auto' }}
      >
        {!ready ? (
          <Flex justify="center" gap={8} style={{ padding: 24 }}>
            <Spin size="small" />
            <Typography.Text type="secondary">{t('search.building')}</Typography.Text>
          </Flex>
        ) : query.trim() === '' ? (
          <Typography.Paragraph type="secondary" style={{ padding: '16px 16px 8px' }}>
            {t('search.hint')}
          </Typography.Paragraph>
        ) : hits.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('search.empty')} />
        ) : (
          results.map((group) => (
            <div key={group.kind} role="group" aria-label={t(`search.kinds.${group.kind}`)}>
              <Typography.Text
                type="secondary"
                style={{ display: 'block', padding: '8px 16px 2px', fontSize: 12 }}
              >
                {t(`search.kinds.${group.kind}`)}（{group.total}）
              </Typography.Text>
              {group.hits.map((hit) => {
                position += 1;
                const index = position;
                const isActive = index === selected;
                return (
                  <div
                    key={`${hit.kind}:${hit.id}`}
                    role="option"
                    aria-selected={isActive}
                    ref={(element) => {
                      if (isActive) element?.scrollIntoView({ block: 'nearest' });
                    }}
                    onMouseEnter={() => setActive(index)}
                    onClick={() => openHit(hit)}
                    style={{
                      padding: '4px 16px',
                      cursor: 'pointer',
                      background: isActive ? '#e6f4ff' : undefined,
                    }}
                  >
                    <Typography.Text strong ellipsis style={{ display: 'block' }}>
                      {hit.title}
                    </Typography.Text>
                    <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                      {hit.subtitle}
                    </Typography.Text>
                  </div>
                );
              })}
              {group.total > group.hits.length && (
                <Typography.Text
                  type="secondary"
                  style={{ display: 'block', padding: '0 16px 4px', fontSize: 12 }}
                >
                  {t('search.more', { count: group.total - group.hits.length })}
                </Typography.Text>
              )}
            </div>
          ))
        )}
      </div>
      <Typography.Text
        type="secondary"
        style={{
          display: 'block',
          padding: '6px 16px',
          fontSize: 12,
          borderTop: '1px solid #f0f0f0',
        }}
      >
        {t('search.keys')}
      </Typography.Text>
    </Modal>
  );
}
