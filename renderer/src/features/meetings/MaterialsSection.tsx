/**
 * 配布資料: 資料１, 資料２ … with titles and, optionally, the file itself. The file is sent
 * to main in 4 MB pieces (with a progress bar); main keeps its own copy in the data folder.
 */
import { useRef, useState } from 'react';
import { Button, ProgressBar, Text, Tooltip, tokens } from '@fluentui/react-components';
import {
  Add24Regular,
  ArrowDownRegular,
  ArrowUpRegular,
  AttachRegular,
  DeleteRegular,
  DismissRegular,
  OpenRegular,
  ReOrderDotsVerticalRegular,
} from '@fluentui/react-icons';
import { Section } from '../../ui/Section';
import { call } from '../../platform/bridge';
import { editMeeting } from './data';
import { undoHistory, undoScope } from '../../data/undo';
import { useNotify } from '../../app/notify';
import { materialLabel } from '../../../../shared/numbering';
import { randomId } from '../../../../shared/factory';
import { ATTACHMENT_CHUNK_BYTES, ATTACHMENT_MAX_BYTES } from '../../../../shared/contract/councils';
import type { Material, Meeting } from '../../../../shared/domain';
import { CommitInput, Row } from '../../ui/CommitInput';
import { move, useReorder } from '../../ui/reorder';
import { useConfirmDelete } from '../../ui/ConfirmDelete';
import { formatBytes, toBase64 } from '../../../../shared/bytes';

/** Labels follow the order: 資料１, 資料２ … */
const relabel = (list: Material[]) => list.map((m, i) => ({ ...m, label: materialLabel(i + 1) }));

export function MaterialsSection({ meeting }: { meeting: Meeting }) {
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const target = useRef<string | null>(null);
  const [progress, setProgress] = useState<{ materialId: string; sent: number; total: number; name: string } | null>(
    null,
  );
  const items = meeting.materials;
  // Every change of the list can be undone from the meeting page (data/undo.ts).
  const save = (change: (list: Material[]) => Material[], label: string) =>
    undoHistory
      .run(undoScope.meeting(meeting.id), label, [{ table: 'meetings', id: meeting.id }], () =>
        editMeeting(meeting.id, (m) => ({ materials: relabel(change(m.materials)) })),
      )
      .catch((e) => notify.error(e, '配布資料を保存できませんでした'));
  const reorder = useReorder(items.length, (from, to) => save((l) => move(l, from, to), '資料の順番を変更しました'));

  const attach = async (file: File | undefined) => {
    const materialId = target.current;
    if (input.current) input.current.value = '';
    if (!file || !materialId) return;
    if (file.size > ATTACHMENT_MAX_BYTES) {
      notify.error(new Error('too large'), '添付できるファイルは 1GB までです');
      return;
    }
    const uploadId = crypto.randomUUID();
    setProgress({ materialId, sent: 0, total: file.size, name: file.name });
    try {
      let stored = null;
      const pieces = Math.max(1, Math.ceil(file.size / ATTACHMENT_CHUNK_BYTES));
      for (let index = 0; index < pieces; index++) {
        const start = index * ATTACHMENT_CHUNK_BYTES;
        const bytes = new Uint8Array(await file.slice(start, start + ATTACHMENT_CHUNK_BYTES).arrayBuffer());
        const r = await call('attachment:write:chunk', {
          uploadId,
          index,
          base64: toBase64(bytes),
          last: index === pieces - 1,
          originalName: file.name,
        });
        setProgress({ materialId, sent: r.received, total: file.size, name: file.name });
        stored = r.file;
      }
      if (!stored) throw new Error('no file');
      const previous = items.find((m) => m.id === materialId)?.file ?? null;
      const file_ = stored;
      await editMeeting(meeting.id, (m) => ({
        materials: m.materials.map((x) =>
          x.id === materialId ? { ...x, title: x.title || file.name.replace(/\.[^.]+$/, ''), file: file_ } : x,
        ),
      }));
      if (previous) await call('attachment:remove:file', { storedName: previous.storedName }).catch(() => {});
      notify.success('ファイルを添付しました', file.name);
    } catch (error) {
      notify.error(error, 'ファイルを添付できませんでした');
    } finally {
      setProgress(null);
    }
  };
  const { confirm, dialog } = useConfirmDelete();
  const materialName = (m: Material) => [m.label, m.title].filter(Boolean).join(' ') || '（名称なし）';
  const detach = async (m: Material) => {
    if (!m.file) return;
    const detail = `資料「${materialName(m)}」は残り、添付ファイルだけを外して削除します。`;
    if (!(await confirm({ kind: '添付ファイル', name: m.file.originalName, detail }))) return;
    // The file stays until the start-up sweep (after a backup), so 元に戻す finds it again.
    await save(
      (l) => l.map((x) => (x.id === m.id ? { ...x, file: null } : x)),
      `添付ファイル「${m.file.originalName}」を外しました`,
    );
  };
  const remove = async (m: Material) => {
    const detail = m.file ? `添付ファイル「${m.file.originalName}」も削除します。` : '';
    if (!(await confirm({ kind: '資料', name: materialName(m), detail }))) return;
    // An attached file stays until the start-up sweep (after a backup), so 元に戻す finds it again.
    await save((l) => l.filter((x) => x.id !== m.id), `資料「${materialName(m)}」を削除しました`);
  };
  const open = (m: Material) =>
    m.file &&
    call('attachment:open:file', { storedName: m.file.storedName }).catch((e) =>
      notify.error(e, 'ファイルを開けませんでした'),
    );

  return (
    <>
      {dialog}
      <Section
        title="配布資料"
        actions={
          <Button
            size="small"
            icon={<Add24Regular />}
            onClick={() =>
              void save((l) => [...l, { id: randomId(), label: '', title: '', file: null }], '資料を追加しました')
            }
          >
            資料を追加
          </Button>
        }
      >
        <input
          ref={input}
          type="file"
          hidden
          aria-label="添付するファイル"
          data-testid="material-file"
          onChange={(e) => void attach(e.target.files?.[0])}
        />
        {items.length === 0 ? (
          <Text>
            配布資料はありません。「資料を追加」で 資料１、資料２ …
            の名称を登録し、必要ならファイルを添付します（アプリのデータフォルダに複製して保管します）。
          </Text>
        ) : (
          <ol
            aria-label="配布資料の一覧"
            style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 4 }}
          >
            {items.map((m, i) => (
              <li
                key={m.id}
                {...reorder.rowProps(i, true, true)}
                data-search-id={m.id}
                aria-label={`${m.label} ${m.title}`}
                style={{
                  padding: '4px 6px',
                  borderRadius: 4,
                  border: `1px solid ${reorder.over === i ? tokens.colorBrandStroke1 : tokens.colorNeutralStroke2}`,
                }}
              >
                <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
                  <span {...reorder.handleProps(i)}>
                    <ReOrderDotsVerticalRegular style={{ color: tokens.colorNeutralForeground3 }} />
                  </span>
                  <Text weight="semibold" style={{ width: 60, whiteSpace: 'nowrap' }}>
                    {m.label}
                  </Text>
                  <CommitInput
                    aria-label={`${m.label}の名称`}
                    value={m.title}
                    placeholder="資料の名称"
                    style={{ flex: 1 }}
                    onCommit={(v) =>
                      save(
                        (l) => l.map((x) => (x.id === m.id ? { ...x, title: v.trim() } : x)),
                        `資料の名称を「${v.trim()}」に変更しました`,
                      )
                    }
                  />
                  <Row gap={0}>
                    <Tooltip content="上へ（Alt+↑）" relationship="label">
                      <Button
                        size="small"
                        appearance="subtle"
                        icon={<ArrowUpRegular />}
                        disabled={i === 0}
                        onClick={() => void save((l) => move(l, i, i - 1), '資料の順番を変更しました')}
                      />
                    </Tooltip>
                    <Tooltip content="下へ（Alt+↓）" relationship="label">
                      <Button
                        size="small"
                        appearance="subtle"
                        icon={<ArrowDownRegular />}
                        disabled={i === items.length - 1}
                        onClick={() => void save((l) => move(l, i, i + 1), '資料の順番を変更しました')}
                      />
                    </Tooltip>
                    <Tooltip content={`${m.label}を削除`} relationship="label">
                      <Button
                        size="small"
                        appearance="subtle"
                        icon={<DeleteRegular />}
                        onClick={() => void remove(m)}
                      />
                    </Tooltip>
                  </Row>
                </div>
                <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 4, paddingLeft: 90 }}>
                  {m.file ? (
                    <>
                      <AttachRegular aria-hidden />
                      <Text size={200} style={{ color: tokens.colorNeutralForeground2 }}>
                        {m.file.originalName}（{formatBytes(m.file.size)}）
                      </Text>
                      <Button size="small" icon={<OpenRegular />} onClick={() => void open(m)}>
                        開く
                      </Button>
                      <Button size="small" appearance="subtle" icon={<DismissRegular />} onClick={() => void detach(m)}>
                        添付を外す
                      </Button>
                    </>
                  ) : (
                    <Button
                      size="small"
                      appearance="subtle"
                      icon={<AttachRegular />}
                      disabled={progress !== null}
                      onClick={() => {
                        target.current = m.id;
                        input.current?.click();
                      }}
                      aria-label={`${m.label}にファイルを添付`}
                    >
                      ファイルを添付
                    </Button>
                  )}
                </div>
                {progress?.materialId === m.id ? (
                  <div style={{ marginTop: 4 }} aria-live="polite">
                    <ProgressBar
                      value={progress.total ? progress.sent / progress.total : 0}
                      aria-label="添付の進み具合"
                    />
                    <Text size={200}>
                      「{progress.name}」を送信中… {formatBytes(progress.sent)} / {formatBytes(progress.total)}
                    </Text>
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </Section>
    </>
  );
}
