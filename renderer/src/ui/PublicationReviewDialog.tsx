/**
 * The review before a 公開版 export (shared/publication/review.ts): every name that will be
 * replaced and by what, every place that stops the export (with its text and the reason),
 * and unknown 「○○さん」 to look at. Nothing is replaced silently: the export goes ahead
 * only after the user confirms, and never while a place blocks it.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { BLOCKED_MESSAGE, type PublicationReview } from '../../../shared/publication/redaction';

const list = { margin: '4px 0 12px', paddingLeft: '1.2em', maxHeight: 220, overflowY: 'auto' } as const;
const muted = { color: tokens.colorNeutralForeground3 } as const;

export function PublicationReviewDialog({
  review,
  what,
  onClose,
  onConfirm,
}: {
  /** null: closed. */
  review: PublicationReview | null;
  /** The document, as in 「会議録（公開版）」. */
  what: string;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const blocked = review?.blocked ?? [];
  return (
    <Dialog open={review !== null} onOpenChange={(_, d) => (d.open ? undefined : onClose())}>
      <DialogSurface style={{ maxWidth: 760 }}>
        <DialogBody>
          <DialogTitle>{what}の出力前の確認</DialogTitle>
          <DialogContent>
            {review ? (
              <>
                {blocked.length ? (
                  <MessageBar intent="error" layout="multiline" style={{ marginBottom: 8 }}>
                    <MessageBarBody>
                      <MessageBarTitle>出力できません</MessageBarTitle>
                      {BLOCKED_MESSAGE}
                    </MessageBarBody>
                  </MessageBar>
                ) : null}
                {blocked.length ? (
                  <section aria-label="出力を止める箇所">
                    <Text weight="semibold">出力を止める箇所（{blocked.length}件）</Text>
                    <ul style={list}>
                      {blocked.map((b, i) => (
                        <li key={i}>
                          <span style={muted}>{b.place}</span>　「{b.excerpt}」の「{b.found}」：{b.reason}
                        </li>
                      ))}
                    </ul>
                  </section>
                ) : null}
                <section aria-label="氏名の置き換え">
                  <Text weight="semibold">氏名の置き換え（{review.replacements.length}件）</Text>
                  {review.replacements.length ? (
                    <ul style={list}>
                      {review.replacements.map((r, i) => (
                        <li key={i}>
                          {r.found} → {r.label}
                          <span style={muted}>
                            　{r.place}　「{r.excerpt}」
                          </span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p style={{ margin: '4px 0 12px' }}>本文中に置き換える氏名はありません。</p>
                  )}
                </section>
                {review.unknown.length ? (
                  <section aria-label="名簿にない人名">
                    <Text weight="semibold">
                      名簿にない人名かもしれない箇所（{review.unknown.length}件・置き換えません）
                    </Text>
                    <ul style={list}>
                      {review.unknown.map((u, i) => (
                        <li key={i}>
                          「{u.found}」
                          <span style={muted}>
                            　{u.place}　「{u.excerpt}」
                          </span>
                        </li>
                      ))}
                    </ul>
                  </section>
                ) : null}
              </>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{blocked.length ? '閉じる' : 'やめる'}</Button>
            {blocked.length ? null : (
              <Button appearance="primary" onClick={onConfirm}>
                確認して出力する
              </Button>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
