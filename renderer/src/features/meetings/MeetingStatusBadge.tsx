/** A meeting's status as a coloured badge, and the venues textarea split. */
import { Badge } from '@fluentui/react-components';
import type { Meeting } from '../../../../shared/domain';

const STATUS_COLOR: Record<
  Meeting['status'],
  'informative' | 'brand' | 'warning' | 'success' | 'subtle' | 'important'
> = {
  予定: 'subtle',
  開催済: 'informative',
  作成中: 'warning',
  確認中: 'important',
  確定: 'brand',
  公開済: 'success',
};

export function MeetingStatusBadge({ status }: { status: Meeting['status'] }) {
  return (
    <Badge appearance="tint" color={STATUS_COLOR[status]}>
      {status}
    </Badge>
  );
}

/** Splits a venues textarea: one venue per line. */
export const venueLines = (text: string) => text.split(/\r?\n/).map((v) => v.trim());
