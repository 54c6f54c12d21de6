/** The minutes' status: where it is in 作成中 → 確認中 → 確定 → 公開済, its due date, and the next steps. */
import { Badge, Button, Text, tokens } from '@fluentui/react-components';
import { LockClosed20Regular } from '@fluentui/react-icons';
import type { Council, Meeting, Minutes } from '../../../../shared/domain';
import {
  ACTION_LABELS,
  availableActions,
  isLocked,
  isOverdue,
  minutesDueDate,
  type MinutesAction,
} from '../../../../shared/minutes/workflow';
import { Section } from '../../ui/Section';
import { dateOrDash } from '../../ui/format';
import { MeetingStatusBadge } from '../meetings';
import { ReadOnlyBadge, readOnlyReason, type CouncilAccess } from '../sync';

export function MinutesStatusSection({
  meeting,
  council,
  minutes,
  who,
  access,
  onAction,
}: {
  meeting: Meeting;
  council: Council;
  minutes: Minutes;
  who: string;
  /** Team use: 閲覧のみ offers no step; 確定 may need a 確認者 (features/sync/people.ts). */
  access?: CouncilAccess;
  onAction: (a: MinutesAction) => void;
}) {
  const locked = isLocked(meeting.status);
  const due = minutesDueDate(meeting, council);
  return (
    <Section
      title="状態"
      actions={
        <>
          {access?.readOnly
            ? null
            : availableActions(meeting.status).map((a) => {
                const blocked = a === 'approve' && access && !access.canApprove;
                return (
                  <Button
                    key={a}
                    appearance={a === 'reopen' || a === 'back-to-draft' ? 'secondary' : 'primary'}
                    disabledFocusable={!!blocked}
                    title={blocked ? (access.approveHint ?? undefined) : undefined}
                    aria-describedby={blocked ? 'minutes-approve-hint' : undefined}
                    onClick={() => onAction(a)}
                  >
                    {ACTION_LABELS[a]}
                  </Button>
                );
              })}
        </>
      }
    >
      <div style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap' }}>
        <span aria-label="会議録の状態">
          <MeetingStatusBadge status={meeting.status} />
        </span>
        {locked ? (
          <Badge icon={<LockClosed20Regular />} appearance="tint" color="brand">
            確定済みのため編集できません
          </Badge>
        ) : null}
        <Text>作成期限：{dateOrDash(due)}</Text>
        {isOverdue(meeting, council) ? (
          <Badge appearance="filled" color="danger">
            期限切れ
          </Badge>
        ) : null}
        {minutes.publishedAt ? <Text>公開日：{dateOrDash(minutes.publishedAt)}</Text> : null}
        {access?.readOnly ? <ReadOnlyBadge /> : null}
        <Text style={{ color: tokens.colorNeutralForeground3 }}>作業者：{who}</Text>
      </div>
      {access?.readOnly ? (
        <Text as="p" role="note">
          {readOnlyReason('会議録')}
        </Text>
      ) : access?.approveHint && availableActions(meeting.status).includes('approve') ? (
        <Text as="p" id="minutes-approve-hint" role="note">
          {access.approveHint}
        </Text>
      ) : null}
    </Section>
  );
}
