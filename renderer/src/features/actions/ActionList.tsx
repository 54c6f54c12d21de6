/**
 * The action list of a plan, grouped by the vision's sections or by department (担当). Keyboard
 * first, like the outline editor: ↑/↓ select, Enter edits, Alt+↑/↓ moves within the group,
 * Ctrl+Enter adds, Delete deletes. No key acts while the IME is composing.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Badge, Button, Tab, TabList, Text, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular, Delete20Regular, DocumentTable20Regular, Edit20Regular } from '@fluentui/react-icons';
import {
  actionTitle,
  formatActionStart,
  formatMeasure,
  groupByDepartment,
  groupBySection,
  type Action,
} from '../../../../shared/actions';
import { outline, numberedHeading } from '../../../../shared/drafts';
import { formatFiscalYear } from '../../../../shared/wareki';
import { call } from '../../platform/bridge';
import { useNotify } from '../../app/notify';
import type { useExport } from '../../ui/exporting';
import { EmptyState } from '../../ui/EmptyState';
import { actionsStore, type PlanRecords } from './data';
import { sheetArg } from './exports';
import { ActionForm } from './ActionForm';
import { useConfirmDelete } from '../../ui/ConfirmDelete';

const useStyles = makeStyles({
  group: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: '10px 14px',
    marginBottom: '12px',
  },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 1.2fr) minmax(0, 1fr) minmax(0, 2fr) auto',
    gap: '12px',
    padding: '8px 6px',
    borderTop: `1px solid ${tokens.colorNeutralStroke3}`,
    borderRadius: tokens.borderRadiusMedium,
    alignItems: 'start',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  small: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, whiteSpace: 'pre-line' },
  pre: { whiteSpace: 'pre-line' },
});

type Mode = 'section' | 'department';

/** `readOnly` (閲覧のみ): the list is read and exported; no key or button adds, edits, moves or deletes. */
export function ActionList({
  records,
  exporter,
  readOnly = false,
}: {
  records: PlanRecords;
  exporter: ReturnType<typeof useExport>;
  readOnly?: boolean;
}) {
  const s = useStyles();
  const notify = useNotify();
  const [mode, setMode] = useState<Mode>('section');
  const [editing, setEditing] = useState<{ action: Action | null; sectionIds: string[] } | null>(null);
  const { confirm, dialog: confirmDialog } = useConfirmDelete();
  // Asks first, naming what goes with the action; linked opinions stay (only the link goes).
  const askDelete = (a: Action) => {
    const years = records.progress.filter((p) => p.actionId === a.id).length;
    void confirm({
      kind: 'アクション',
      name: actionTitle(a),
      detail: `${years > 0 ? `記録した進捗（${years}年度分）も削除されます。` : ''}このアクションに結び付いた意見は残り、結び付きだけが外れます。`,
    }).then((yes) => {
      if (!yes) return;
      actionsStore
        .deleteAction(a.id)
        .then(() => notify.info('アクションを削除しました', actionTitle(a)))
        .catch((err) => notify.error(err, '削除できませんでした'));
    });
  };
  const rowRefs = useRef(new Map<string, HTMLDivElement>());
  const focusAfter = useRef<string | null>(null);
  const { draft, actions } = records;

  const sectionLabels = useMemo(() => {
    const m = new Map<string, string>();
    for (const e of outline(draft.sections, draft.numbering))
      m.set(e.section.id, numberedHeading(e, e.section.heading));
    return m;
  }, [draft.sections, draft.numbering]);

  const groups = useMemo(
    () =>
      mode === 'section'
        ? groupBySection(draft.sections, draft.numbering, actions).map((g) => ({
            key: g.section?.id ?? '-',
            label: g.label,
            actions: g.actions,
          }))
        : groupByDepartment(actions).map((g) => ({ key: g.department, label: g.department, actions: g.actions })),
    [mode, draft.sections, draft.numbering, actions],
  );
  const flat = groups.flatMap((g) => g.actions);

  // Focus follows a moved or new row once the live query has re-rendered the list.
  useEffect(() => {
    const id = focusAfter.current;
    if (id && rowRefs.current.get(id)) {
      rowRefs.current.get(id)!.focus();
      focusAfter.current = null;
    }
  }, [records]);

  const onRowKey = (e: KeyboardEvent<HTMLDivElement>, action: Action, group: Action[]) => {
    if (e.nativeEvent.isComposing || e.key === 'Process' || e.target !== e.currentTarget) return;
    const i = group.indexOf(action);
    // 閲覧のみ: ↑/↓ still move the focus; no other key acts.
    if (readOnly && (e.altKey || e.ctrlKey || e.metaKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown'))) return;
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      const other = group[i + (e.key === 'ArrowUp' ? -1 : 1)];
      if (!other) return;
      focusAfter.current = action.id;
      void actionsStore.swapActions(action.id, other.id).catch((err) => notify.error(err, '移動できませんでした'));
    } else if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      setEditing({ action: null, sectionIds: mode === 'section' ? action.sectionIds.slice(0, 1) : [] });
    } else if (e.key === 'Enter') {
      e.preventDefault();
      setEditing({ action, sectionIds: action.sectionIds });
    } else if (e.key === 'Delete') {
      e.preventDefault();
      askDelete(action);
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      const to = flat[flat.indexOf(action) + (e.key === 'ArrowUp' ? -1 : 1)];
      if (to) rowRefs.current.get(to.id)?.focus();
    }
  };

  return (
    <>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap', marginBottom: 10 }}>
        <TabList
          size="small"
          selectedValue={mode}
          onTabSelect={(_, d) => setMode(d.value as Mode)}
          aria-label="アクションのまとめ方"
        >
          <Tab value="section">ビジョンの項目ごと</Tab>
          <Tab value="department">担当ごと</Tab>
        </TabList>
        <span style={{ flex: 1 }} />
        {readOnly ? null : (
          <Button
            appearance="primary"
            icon={<Add20Regular />}
            onClick={() => setEditing({ action: null, sectionIds: [] })}
            aria-keyshortcuts="Control+Enter"
          >
            アクションを追加
          </Button>
        )}
        <Button
          icon={<DocumentTable20Regular />}
          disabled={exporter.busy !== null || actions.length === 0}
          onClick={() =>
            void exporter.run('アクションシート', () => call('actions:export:sheet', sheetArg(records)), 'sheet')
          }
        >
          {exporter.busy === 'sheet' ? '出力中…' : 'アクションシート（Excel）'}
        </Button>
      </div>
      {actions.length === 0 ? (
        <EmptyState title="アクションがありません">
          「アクションを追加」から、ビジョンの項目を実現する取り組み（いつから・誰と・何を・どこまで）を登録します。
        </EmptyState>
      ) : (
        groups.map((g) => (
          <section key={g.key} className={s.group} aria-label={g.label}>
            <Text as="h3" weight="semibold" size={400}>
              {g.label} <Badge appearance="ghost">{g.actions.length}</Badge>
            </Text>
            <div role="list" aria-label={`${g.label}のアクション`}>
              {g.actions.map((a) => (
                <div
                  key={a.id}
                  role="listitem"
                  aria-label={actionTitle(a, 60)}
                  tabIndex={0}
                  className={s.row}
                  ref={(el) => {
                    if (el) rowRefs.current.set(a.id, el);
                    else rowRefs.current.delete(a.id);
                  }}
                  onKeyDown={(e) => onRowKey(e, a, g.actions)}
                  onDoubleClick={readOnly ? undefined : () => setEditing({ action: a, sectionIds: a.sectionIds })}
                >
                  <div>
                    <Text weight="semibold" className={s.pre}>
                      {a.what}
                    </Text>
                    {a.how ? <div className={s.small}>{a.how}</div> : null}
                    {mode === 'department' && a.sectionIds.length ? (
                      <div className={s.small}>
                        項目：{a.sectionIds.map((id) => sectionLabels.get(id) ?? '（削除された項目）').join('、')}
                      </div>
                    ) : null}
                  </div>
                  <div>
                    <Text>{[a.department, a.person].filter(Boolean).join('　') || '（担当未設定）'}</Text>
                    <div className={s.small}>{formatActionStart(a.start) || 'いつから：未設定'}</div>
                  </div>
                  <div className={s.small}>{a.partners.length ? `誰と：${a.partners.join('、')}` : ''}</div>
                  <div className={s.small}>
                    {a.indicators.map((x) => (
                      <div key={x.id}>
                        {x.name}：{formatMeasure(x.baseline, x.unit) || '－'} →{' '}
                        {formatMeasure(x.target, x.unit) || '－'}
                        {x.targetYear !== null ? `（${formatFiscalYear(x.targetYear)}）` : ''}
                      </div>
                    ))}
                  </div>
                  {readOnly ? null : (
                    <div style={{ display: 'flex', gap: 2 }}>
                      <Tooltip content="編集（Enter）" relationship="label">
                        <Button
                          size="small"
                          appearance="subtle"
                          tabIndex={-1}
                          icon={<Edit20Regular />}
                          onClick={() => setEditing({ action: a, sectionIds: a.sectionIds })}
                        />
                      </Tooltip>
                      <Tooltip content="削除（Delete）" relationship="label">
                        <Button
                          size="small"
                          appearance="subtle"
                          tabIndex={-1}
                          icon={<Delete20Regular />}
                          onClick={() => askDelete(a)}
                        />
                      </Tooltip>
                    </div>
                  )}
                </div>
              ))}
            </div>
          </section>
        ))
      )}
      {editing && !readOnly ? (
        <ActionForm
          records={records}
          action={editing.action}
          sectionIds={editing.sectionIds}
          onClose={(savedId) => {
            setEditing(null);
            if (savedId) focusAfter.current = savedId;
          }}
        />
      ) : null}
      {confirmDialog}
    </>
  );
}
