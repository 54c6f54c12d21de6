import type { ReactNode } from 'react';
import { makeStyles, Text, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: '16px 20px',
    marginBottom: '16px',
  },
  head: { display: 'flex', alignItems: 'center', gap: '8px', marginBottom: '10px', flexWrap: 'wrap' },
  actions: { marginLeft: 'auto', display: 'flex', gap: '8px' },
});

/** A titled white panel on the grey page, the basic block of every screen. */
export function Section({
  title,
  actions,
  children,
  id,
}: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  id?: string;
}) {
  const s = useStyles();
  return (
    <section className={s.root} aria-labelledby={id}>
      <div className={s.head}>
        <Text as="h2" size={400} weight="semibold" id={id}>
          {title}
        </Text>
        {actions ? <div className={s.actions}>{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}
