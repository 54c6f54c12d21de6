/** Every vision (draft) of the council, each with its action plan or a button to start one. */
import { useNavigate } from 'react-router-dom';
import {
  Button,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { Add20Regular, Open20Regular } from '@fluentui/react-icons';
import type { Council } from '../../../../shared/domain';
import { useLiveQuery } from '../../data/live';
import { useNotify } from '../../app/notify';
import { Section } from '../../ui/Section';
import { EmptyState } from '../../ui/EmptyState';
import { actionsStore } from './data';
import { planPeriod } from './labels';
import { ReadOnlyNotice, useCouncilAccess } from '../sync';

export function PlanIndex({ council }: { council: Council }) {
  const navigate = useNavigate();
  const notify = useNotify();
  const rows = useLiveQuery(() => actionsStore.plansOfCouncil(council.id), [council.id]);
  const { readOnly } = useCouncilAccess(council.id);
  if (!rows) return <Spinner label="読み込み中…" />;
  const base = `/councils/${council.id}/actions`;
  if (rows.length === 0)
    return (
      <EmptyState title="ビジョンの原稿がありません">
        アクションプランはビジョン（計画）の原稿ごとに作ります。先に「ビジョン」で原稿を作成してください。
      </EmptyState>
    );
  return (
    <Section title="アクションプラン（ビジョンごと）">
      <ReadOnlyNotice readOnly={readOnly} what="アクションプラン" />
      <Table aria-label="ビジョンとアクションプラン" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>ビジョン・計画</TableHeaderCell>
            <TableHeaderCell>アクションプラン</TableHeaderCell>
            <TableHeaderCell>計画期間</TableHeaderCell>
            <TableHeaderCell>アクション数</TableHeaderCell>
            <TableHeaderCell />
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map(({ draft, plan, count }) => (
            <TableRow key={draft.id}>
              <TableCell>{draft.title}</TableCell>
              <TableCell>{plan?.title ?? '（未作成）'}</TableCell>
              <TableCell>{plan ? planPeriod(plan) : ''}</TableCell>
              <TableCell>{plan ? `${count} 件` : ''}</TableCell>
              <TableCell>
                {plan ? (
                  <Button icon={<Open20Regular />} onClick={() => navigate(`${base}/${draft.id}`)}>
                    開く
                  </Button>
                ) : readOnly ? null : (
                  <Button
                    icon={<Add20Regular />}
                    onClick={() =>
                      void actionsStore
                        .createPlan(draft, { startFiscalYear: null, endFiscalYear: null })
                        .then(() => navigate(`${base}/${draft.id}`))
                        .catch((e) => notify.error(e, 'アクションプランを作成できませんでした'))
                    }
                  >
                    アクションプランを作成
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}
