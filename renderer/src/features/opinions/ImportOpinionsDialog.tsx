/** Excel から取り込む: pick an 意見シート, preview every row with its problems, store only on confirmation. */
import { useMemo, useRef, useState } from 'react';
import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { call } from '../../platform/bridge';
import { useNotify } from '../../app/notify';
import { describeError } from '../../app/notify';
import { OPINION_SOURCE_LABELS, type Council } from '../../../../shared/domain';
import type { OpinionImportPreview } from '../../../../shared/contract/opinions';
import { importOpinionChanges, importTargets, useCouncilOpinions } from './data/index';
import { planOpinionImport, type ImportStep } from './importMatch';
import { documentFormat } from '../../../../shared/minutes/style';
import { applyTextRules } from '../../../../shared/style/format';
import { useOpinionExport } from './ExportMenu';

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function ImportOpinionsDialog({
  council,
  open,
  onClose,
}: {
  council: Council;
  open: boolean;
  onClose: () => void;
}) {
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<(OpinionImportPreview & { fileName: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const template = useOpinionExport(council.id);
  const existing = useCouncilOpinions(council.id);

  const reset = () => {
    setPreview(null);
    setError(null);
    if (input.current) input.current.value = '';
  };
  const close = () => {
    reset();
    onClose();
  };

  const read = async (file: File) => {
    setBusy(true);
    setError(null);
    setPreview(null);
    try {
      const { members, meetings } = await importTargets(council.id);
      const result = await call('opinions:import:preview', {
        fileName: file.name,
        data: await toBase64(file),
        fields: council.fields,
        members: members.map((m) => ({ id: m.id, name: m.name, role: m.role })),
        meetings: meetings.map((m) => ({ id: m.id, number: m.number })),
        statuses: council.responseStatuses,
      });
      setPreview({ ...result, fileName: file.name });
    } catch (e) {
      setError(describeError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const good = preview?.rows.filter((r) => !r.errors.length) ?? [];
  const bad = preview?.rows.filter((r) => r.errors.length) ?? [];
  // A row with the 意見ID or the text of a stored opinion updates it (importMatch.ts).
  const plan = useMemo(() => {
    if (!preview) return [];
    const rules = documentFormat(council).text;
    return planOpinionImport(existing ?? [], preview.rows, { styled: (t) => applyTextRules(t, rules) });
  }, [preview, existing, council]);
  const byId = plan.some((p) => (p.kind === 'update' || p.kind === 'same') && p.by === 'id');
  const adds = plan.flatMap((p) => (p.kind === 'add' ? [p.row] : []));
  const updates = plan.flatMap((p) => (p.kind === 'update' ? [{ id: p.target.id, patch: p.patch }] : []));
  const same = plan.filter((p) => p.kind === 'same').length;
  const stepOf = new Map(plan.map((p) => [p.row.row, p]));
  // What will change comes first; the rows left as they are follow, in the sheet's order.
  const unchanged = (r: { row: number }) => stepOf.get(r.row)?.kind === 'same';
  const shownRows = preview ? [...preview.rows.filter((r) => !unchanged(r)), ...preview.rows.filter(unchanged)] : [];
  const confirm = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const { added, updated } = await importOpinionChanges(council.id, adds, updates);
      const skipped = [
        same ? `同じ内容の ${same} 行は変更していません。` : '',
        bad.length ? `誤りのある ${bad.length} 行は取り込んでいません。` : '',
      ].join('');
      notify.success(
        updated ? `意見を取り込みました（追加 ${added}件・更新 ${updated}件）` : `${added}件の意見を取り込みました`,
        skipped || undefined,
      );
      close();
    } catch (e) {
      notify.error(e, '取り込めませんでした');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(_, d) => {
        if (!d.open) close();
      }}
    >
      <DialogSurface style={{ maxWidth: 1000 }}>
        <DialogBody>
          <DialogTitle>Excel（意見シート）から取り込む</DialogTitle>
          <DialogContent>
            <Text block style={{ marginBottom: 8 }}>
              1行目が見出しの表を読み取ります。列：<b>意見</b>
              （必須）・分野・委員・会議（第N回）・出典（審議会／各課インタビュー／書面意見／パブリックコメント）・提出者・市の考え方・反映状況。
              内部用の分野別意見一覧・意見対応表（Excel）は右端の「意見ID」で登録済みの意見と照合するので、直した表をそのまま読み込めます。
              確認するまで何も保存されません。
            </Text>
            <Button
              size="small"
              disabled={template.busy}
              onClick={() => void template.run({ kind: 'template', format: 'xlsx' }, true)}
              style={{ marginBottom: 8 }}
            >
              意見シートの様式（Excel）を出力
            </Button>
            <input
              ref={input}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-label="取り込むファイル"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void read(f);
              }}
            />
            {busy ? <Spinner size="small" label="読み込み中…" style={{ marginTop: 8 }} /> : null}
            {error ? (
              <MessageBar intent="error" style={{ marginTop: 8 }}>
                <MessageBarBody role="alert">{error}</MessageBarBody>
              </MessageBar>
            ) : null}
            {preview ? (
              <>
                <Text block weight="semibold" style={{ margin: '12px 0 6px' }}>
                  「{preview.fileName}」シート「{preview.sheetName}」：{preview.rows.length}行（取り込める行{' '}
                  {good.length}・誤りのある行 {bad.length}）
                </Text>
                {updates.length || same ? (
                  <Text block style={{ marginBottom: 6 }}>
                    {byId
                      ? '意見IDのある行はその意見を、意見IDのない行は同じ文の意見を、新しく追加せずに更新します。意見の文を直した行も、意見IDが同じなら同じ意見の更新です'
                      : '登録済みの意見と同じ文の行は、新しく追加せずその意見を更新します'}
                    （更新 {updates.length}件・変更なし {same}件）。空欄の項目は登録済みの内容を残します。
                    {same ? '変更のない行は表の後ろにまとめています。' : ''}
                  </Text>
                ) : null}
                <div style={{ maxHeight: 380, overflowY: 'auto' }}>
                  <Table size="small" aria-label="取り込みの確認">
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell style={{ width: 50 }}>行</TableHeaderCell>
                        <TableHeaderCell>意見</TableHeaderCell>
                        <TableHeaderCell style={{ width: 100 }}>分野</TableHeaderCell>
                        <TableHeaderCell style={{ width: 130 }}>出典</TableHeaderCell>
                        <TableHeaderCell style={{ width: 90 }}>反映状況</TableHeaderCell>
                        <TableHeaderCell style={{ width: 260 }}>確認結果</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {shownRows.map((r) => (
                        <TableRow key={r.row}>
                          <TableCell>{r.row}</TableCell>
                          <TableCell>{r.summary || '—'}</TableCell>
                          <TableCell>{r.fieldName || '—'}</TableCell>
                          <TableCell>
                            {OPINION_SOURCE_LABELS[r.source]}
                            {r.sourceLabel ? `（${r.sourceLabel}）` : ''}
                          </TableCell>
                          <TableCell>{r.status || '未対応'}</TableCell>
                          <TableCell>
                            {r.errors.length ? (
                              <Text style={{ color: 'var(--colorPaletteRedForeground1)' }}>{r.errors.join(' ')}</Text>
                            ) : (
                              <StepBadge step={stepOf.get(r.row)} />
                            )}
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
              </>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button onClick={close}>キャンセル</Button>
            <Button
              appearance="primary"
              disabled={!(adds.length + updates.length) || busy}
              onClick={() => void confirm()}
            >
              {updates.length
                ? `追加 ${adds.length}件・更新 ${updates.length}件を取り込む`
                : adds.length
                  ? `${adds.length}件を取り込む`
                  : '取り込む'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** At most this many characters of the stored text before a corrected 意見. */
const BEFORE_CHARS = 60;

/** What a good row will do: 追加, 更新 with what changes (and the text it replaces), or 変更なし. */
function StepBadge({ step }: { step: ImportStep | undefined }) {
  if (!step || step.kind === 'error') return null;
  const badge =
    step.kind === 'update' ? (
      <Badge appearance="tint" color="brand">
        更新：{step.changes.join('・')}
      </Badge>
    ) : step.kind === 'same' ? (
      <Badge appearance="tint" color="informative">
        変更なし（登録済み）
      </Badge>
    ) : (
      <Badge appearance="tint" color="success">
        追加
      </Badge>
    );
  const notes: string[] = [];
  if (step.kind === 'update' && step.by === 'id') notes.push('意見IDで照合');
  if (step.idProblem)
    notes.push(
      (step.idProblem === 'unknown'
        ? 'この意見IDはこの審議会の意見にありません（別の審議会の表、または統合・削除された意見）。'
        : '同じ意見IDの行が前にあります。') +
        (step.kind === 'add' ? '新しい意見として追加します。' : '同じ文の意見と照合しました。'),
    );
  const before = step.kind === 'update' && step.patch.summary !== undefined ? step.target.summary : null;
  return (
    <>
      {badge}
      {notes.map((n) => (
        <Text key={n} block size={200}>
          {n}
        </Text>
      ))}
      {before !== null ? (
        <Text block size={200}>
          変更前の意見：
          {before.length > BEFORE_CHARS ? `${before.slice(0, BEFORE_CHARS)}…` : before}
        </Text>
      ) : null}
    </>
  );
}
