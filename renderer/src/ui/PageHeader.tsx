import { Fragment, type ReactNode } from 'react';
import {
  Breadcrumb,
  BreadcrumbButton,
  BreadcrumbDivider,
  BreadcrumbItem,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useNavigate } from 'react-router-dom';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '4px', marginBottom: '16px' },
  row: { display: 'flex', alignItems: 'center', gap: '12px', flexWrap: 'wrap' },
  actions: { marginLeft: 'auto', display: 'flex', gap: '8px', flexWrap: 'wrap' },
});

export interface Crumb {
  label: string;
  to?: string;
}

export function PageHeader({
  title,
  crumbs = [],
  subtitle,
  actions,
}: {
  title: string;
  crumbs?: Crumb[];
  subtitle?: ReactNode;
  actions?: ReactNode;
}) {
  const s = useStyles();
  const navigate = useNavigate();
  return (
    <div className={s.root}>
      {crumbs.length ? (
        <Breadcrumb aria-label="現在の場所" size="small">
          {crumbs.map((c, i) => (
            <Fragment key={i}>
              <BreadcrumbItem>
                <BreadcrumbButton onClick={c.to ? () => navigate(c.to!) : undefined} current={!c.to}>
                  {c.label}
                </BreadcrumbButton>
              </BreadcrumbItem>
              {i < crumbs.length - 1 ? <BreadcrumbDivider /> : null}
            </Fragment>
          ))}
        </Breadcrumb>
      ) : null}
      <div className={s.row}>
        <Text as="h1" size={700} weight="semibold">
          {title}
        </Text>
        {actions ? <div className={s.actions}>{actions}</div> : null}
      </div>
      {subtitle ? <Text style={{ color: tokens.colorNeutralForeground3 }}>{subtitle}</Text> : null}
    </div>
  );
}
