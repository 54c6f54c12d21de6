/**
 * 各分野の現状と課題 (seed 004 資料２): rows are fields, columns the council's matrix
 * columns. Opinion columns fill from opinions by source; the others are text items
 * edited here. A 閲覧のみ member reads and exports it: no column settings, no item added, edited or deleted.
 */
import { PRINT_DOC, usePrintShortcut } from '../../ui/print';
import { useState } from 'react';
import { Button, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular, SettingsRegular } from '@fluentui/react-icons';
import { useNotify } from '../../app/notify';
import { useConfirmDelete } from '../../ui/ConfirmDelete';
import { OPINION_SOURCE_LABELS, type Council, type MatrixItem } from '../../../../shared/domain';
import { matrixRows } from '../../../../shared/opinions';
import { addMatrixItem, deleteMatrixItem, putMatrixItem, useCouncilOpinions, useMatrixItems } from './data/index';
import { ExportMenu } from './ExportMenu';
import { MatrixColumnsDialog } from './MatrixColumnsDialog';
import { ReadOnlyNotice, useCouncilAccess } from '../sync';

const useStyles = makeStyles({
  wrap: {
    overflowX: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  table: { borderCollapse: 'collapse', width: '100%', minWidth: '1000px', tableLayout: 'fixed' },
  th: {
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '8px',
    fontWeight: 600,
    textAlign: 'center',
    verticalAlign: 'middle',
  },
  td: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '6px 8px', verticalAlign: 'top' },
  ul: { margin: 0, paddingLeft: '1.1em', display: 'flex', flexDirection: 'column', gap: '4px' },
  item: { display: 'flex', gap: '4px', alignItems: 'flex-start' },
  itemText: { flex: 1, cursor: 'text', whiteSpace: 'pre-wrap' },
});

export function MatrixView({ council }: { council: Council }) {
  const s = useStyles();
  const opinions = useCouncilOpinions(council.id);
  const items = useMatrixItems(council.id);
  const [settings, setSettings] = useState(false);
  const { readOnly } = useCouncilAccess(council.id);
  usePrintShortcut();
  if (!opinions || !items) return null;
  const rows = matrixRows(council, opinions, items);
  const width = council.matrixColumns.length ? `${Math.floor(92 / council.matrixColumns.length)}%` : 'auto';
  return (
    <>
      <ReadOnlyNotice readOnly={readOnly} what="各分野の現状と課題" />
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 12 }}>
        <Text>
          意見の列は、出典ごとの意見（意見ボード）から自動で表示されます。ほかの列は項目をクリックして編集できます。
        </Text>
        <div style={{ marginLeft: 'auto', display: 'flex', gap: 8 }}>
          {readOnly ? null : (
            <Button icon={<SettingsRegular />} onClick={() => setSettings(true)}>
              列の設定
            </Button>
          )}
          <ExportMenu councilId={council.id} />
        </div>
      </div>
      <div {...PRINT_DOC} className={s.wrap}>
        <table className={s.table} aria-label="各分野の現状と課題">
          <thead>
            <tr>
              <th className={s.th} style={{ width: '8%' }} scope="col">
                分野
              </th>
              {council.matrixColumns.map((c) => (
                <th key={c.id} className={s.th} style={{ width }} scope="col">
                  {c.title}
                  {c.opinionSource ? (
                    <Text block size={200} weight="regular">
                      （{OPINION_SOURCE_LABELS[c.opinionSource]}の意見）
                    </Text>
                  ) : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.fieldId ?? 'none'}>
                <th className={s.th} scope="row">
                  {r.name}
                </th>
                {r.cells.map((cell, i) => {
                  const column = council.matrixColumns[i]!;
                  return (
                    <td key={column.id} className={s.td}>
                      {column.opinionSource ? (
                        cell.length ? (
                          <ul className={s.ul}>
                            {cell.map((x) => (
                              <li key={x.id}>{x.text}</li>
                            ))}
                          </ul>
                        ) : (
                          <Text size={200}>—</Text>
                        )
                      ) : (
                        <ItemsCell
                          council={council}
                          fieldId={r.fieldId!}
                          columnId={column.id}
                          label={`${r.name}・${column.title}`}
                          readOnly={readOnly}
                          items={items
                            .filter((x) => x.fieldId === r.fieldId && x.columnId === column.id)
                            .sort((a, b) => a.order - b.order)}
                        />
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <MatrixColumnsDialog council={council} open={settings && !readOnly} onClose={() => setSettings(false)} />
    </>
  );
}

function ItemsCell({
  council,
  fieldId,
  columnId,
  items,
  label,
  readOnly,
}: {
  council: Council;
  fieldId: string;
  columnId: string;
  items: MatrixItem[];
  label: string;
  readOnly: boolean;
}) {
  const s = useStyles();
  const notify = useNotify();
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const begin = (item: MatrixItem) => {
    setEditing(item.id);
    setDraft(item.text);
  };
  const commit = (item: MatrixItem) => {
    setEditing(null);
    const text = draft.trim();
    const op = !text
      ? deleteMatrixItem(item.id)
      : text !== item.text
        ? putMatrixItem({ ...item, text })
        : Promise.resolve();
    op.catch((e) => notify.error(e, '保存できませんでした'));
  };
  const { confirm, dialog } = useConfirmDelete();
  const remove = async (item: MatrixItem) => {
    if (await confirm({ kind: '項目', name: item.text.slice(0, 60) }))
      await deleteMatrixItem(item.id).catch((e) => notify.error(e, '削除できませんでした'));
  };
  const add = () =>
    addMatrixItem(council.id, fieldId, columnId, '（新しい項目）').then(begin, (e) =>
      notify.error(e, '追加できませんでした'),
    );
  return (
    <div aria-label={label}>
      {dialog}
      <ul className={s.ul}>
        {items.map((item) => (
          <li key={item.id}>
            {readOnly ? (
              <Text className={s.itemText}>{item.text}</Text>
            ) : editing === item.id ? (
              <Textarea
                aria-label={`${label}の項目`}
                autoFocus
                value={draft}
                resize="vertical"
                style={{ width: '100%' }}
                onChange={(_, d) => setDraft(d.value)}
                onBlur={() => commit(item)}
                onKeyDown={(e) => {
                  if (e.nativeEvent.isComposing) return;
                  if (e.key === 'Escape') {
                    e.preventDefault();
                    setEditing(null);
                  }
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                    e.preventDefault();
                    commit(item);
                  }
                }}
              />
            ) : (
              <span className={s.item}>
                <Text
                  className={s.itemText}
                  tabIndex={0}
                  role="button"
                  onClick={() => begin(item)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                      e.preventDefault();
                      begin(item);
                    }
                  }}
                >
                  {item.text}
                </Text>
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<DeleteRegular />}
                  aria-label={`「${item.text.slice(0, 20)}」を削除`}
                  onClick={() => void remove(item)}
                />
              </span>
            )}
          </li>
        ))}
      </ul>
      {readOnly ? null : (
        <Button size="small" appearance="transparent" icon={<AddRegular />} onClick={() => void add()}>
          項目を追加
        </Button>
      )}
    </div>
  );
}
