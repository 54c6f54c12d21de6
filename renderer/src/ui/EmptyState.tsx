import type { ReactNode } from 'react';
import { makeStyles, Text, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: '10px',
    padding: '28px 32px',
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    maxWidth: '760px',
  },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap', marginTop: '6px' },
});

/** What an empty list says: what this place is for, and the next step. */
export function EmptyState({
  title,
  children,
  actions,
  icon,
}: {
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
  icon?: ReactNode;
}) {
  const s = useStyles();
  return (
    <section className={s.root} aria-label={title}>
      {icon}
      <Text as="h3" size={500} weight="semibold">
        {title}
      </Text>
      {children ? (
        <Text as="p" style={{ color: tokens.colorNeutralForeground2, lineHeight: 1.8 }}>
          {children}
        </Text>
      ) : null}
      {actions ? <div className={s.actions}>{actions}</div> : null}
    </section>
  );
}
