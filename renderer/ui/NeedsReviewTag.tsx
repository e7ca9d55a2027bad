import { Tag, Tooltip } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RecordIssue, RecordNeedingReview } from '../../shared/domain/record-issues';

/** An orange tag that draws the eye without reading as overdue (red) or as an error. */
const reviewColor = 'orange';

export function issueTexts(issues: readonly RecordIssue[], t: TFunction): string[] {
  return issues.map((issue) => t(issue.key, issue.values ?? {}));
}

/**
 * 需核对 beside a record whose merged fields break a rule; the tooltip says which, in Chinese.
 * Nothing when the record is fine. Focusable, so the reason is reachable from the keyboard too.
 */
export function NeedsReviewTag({ issues }: { issues: readonly RecordIssue[] | undefined }) {
  const { t } = useTranslation();
  if (!issues || issues.length === 0) return null;
  const texts = issueTexts(issues, t);
  return (
    <Tooltip
      title={
        <>
          {t('needsReview.why')}
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {texts.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </>
      }
    >
      <Tag
        color={reviewColor}
        tabIndex={0}
        data-testid="needs-review"
        aria-label={`${t('needsReview.tag')}：${texts.join('；')}`}
        style={{ cursor: 'help', marginInlineEnd: 0 }}
      >
        {t('needsReview.tag')}
      </Tag>
    </Tooltip>
  );
}

/** The title users know a record needing review by. */
export function reviewTitle(entry: RecordNeedingReview): string {
  switch (entry.table) {
    case 'approvalItems':
      return entry.record.name;
    case 'missingItems':
      return entry.record.material;
    case 'handlingSteps':
      return `${entry.record.on} ${entry.record.summary.slice(0, 20)}`;
    case 'problems':
      return entry.record.title;
  }
}

/** A record needing review in one line: its kind, its title and its problems. */
export function reviewEntryText(entry: RecordNeedingReview, t: TFunction): string {
  return t('needsReview.entry', {
    kind: t(`needsReview.kind.${entry.table}`),
    title: reviewTitle(entry),
    problems: issueTexts(entry.issues, t).join('；'),
  });
}

/** 需核对 N 条, with the records and their problems in the tooltip; nothing when N is 0. */
export function NeedsReviewCount({ review }: { review: readonly RecordNeedingReview[] }) {
  const { t } = useTranslation();
  if (review.length === 0) return null;
  return (
    <Tooltip
      title={
        <>
          {t('needsReview.countHint')}
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {review.slice(0, 10).map((entry) => (
              <li key={entry.record.id}>{reviewEntryText(entry, t)}</li>
            ))}
            {review.length > 10 && <li>…</li>}
          </ul>
        </>
      }
    >
      <Tag
        color={reviewColor}
        tabIndex={0}
        data-testid="needs-review-count"
        style={{ cursor: 'help', marginInlineEnd: 0 }}
      >
        {t('needsReview.count', { count: review.length })}
      </Tag>
    </Tooltip>
  );
}
