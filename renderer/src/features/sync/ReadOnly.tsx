/**
 * 閲覧のみ on the screens (team use): the badge, the note that says why nothing can be
 * changed, and a fieldset that disables every button and field of an editing area for a
 * member who only reads the council (the server refuses their changes anyway). Nothing in
 * solo use or for an editor.
 */
import type { CSSProperties, ReactNode } from 'react';
import { Badge, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { Eye20Regular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  fieldset: {
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
    '& button:disabled, & input:disabled, & textarea:disabled, & select:disabled': {
      cursor: 'not-allowed',
      opacity: 0.55,
    },
    // Fluent draws a field's frame on its wrapper, which the disabled fieldset does not reach:
    // an empty field would look editable.
    '& .fui-Input, & .fui-Textarea': {
      cursor: 'not-allowed',
      backgroundColor: tokens.colorNeutralBackgroundDisabled,
      borderTopColor: tokens.colorNeutralStrokeDisabled,
      borderRightColor: tokens.colorNeutralStrokeDisabled,
      borderBottomColor: tokens.colorNeutralStrokeDisabled,
      borderLeftColor: tokens.colorNeutralStrokeDisabled,
    },
  },
  note: { marginBottom: tokens.spacingVerticalM },
});

export function ReadOnlyBadge() {
  return (
    <Badge icon={<Eye20Regular />} appearance="filled" color="informative">
      閲覧のみ
    </Badge>
  );
}

/** Why a screen offers no edit: `what` names what cannot be changed (委員名簿, 会議, 発言の記録 …). */
export const readOnlyReason = (what: string) =>
  `閲覧のみの権限のため、この審議会の${what}は変更できません（サーバーが変更を受け付けません）。`;

/** The 閲覧のみ note at the top of an editing screen (nothing when the user may edit). */
export function ReadOnlyNotice({ readOnly, what }: { readOnly: boolean; what: string }) {
  const s = useStyles();
  if (!readOnly) return null;
  return (
    <MessageBar intent="info" className={s.note} role="note" aria-label="閲覧のみ">
      <MessageBarBody>
        <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
          <ReadOnlyBadge />
          {readOnlyReason(what)}
        </span>
      </MessageBarBody>
    </MessageBar>
  );
}

/** An editing area: for a reader, its buttons and fields are disabled (links still lead on). */
export function ReadOnlyArea({
  readOnly,
  children,
  style,
}: {
  readOnly: boolean;
  children: ReactNode;
  /** The fieldset's own layout where it sits in a flex column (the live screen's list). */
  style?: CSSProperties;
}) {
  const s = useStyles();
  if (!readOnly) return <>{children}</>;
  return (
    <fieldset disabled className={s.fieldset} style={style} data-readonly="閲覧のみ">
      {children}
    </fieldset>
  );
}
