/** 「Excelから取り込む」: pick a .xlsx, main reads it, the user sees what will change, then confirms. */
import { useRef, useState } from 'react';
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
  MessageBarTitle,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { ArrowUpload24Regular } from '@fluentui/react-icons';
import { call } from '../../platform/bridge';
import { importRoster } from './data';
import { useNotify } from '../../app/notify';
import { dateOrDash } from '../../ui/format';
import { ROSTER_MAX_BYTES, type RosterPreview } from '../../../../shared/contract/councils';
import type { Member } from '../../../../shared/domain';
import { toBase64 } from '../../../../shared/bytes';

export function RosterImportButton({ councilId, members }: { councilId: string; members: Member[] }) {
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const [reading, setReading] = useState(false);
  const [preview, setPreview] = useState<(RosterPreview & { fileName: string }) | null>(null);
  const [saving, setSaving] = useState(false);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > ROSTER_MAX_BYTES) {
      notify.error(new Error('too large'), '名簿ファイルが大きすぎます（10MB まで）');
      return;
    }
    setReading(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = await call('roster:parse:xlsx', {
        base64: toBase64(bytes),
        fileName: file.name,
        existing: members.map((m) => ({ id: m.id, name: m.name, reading: m.reading })),
      });
      setPreview({ ...result, fileName: file.name });
    } catch (error) {
      notify.error(error, '名簿を読み込めませんでした');
    } finally {
      setReading(false);
      if (input.current) input.current.value = '';
    }
  };

  const confirm = async () => {
    if (!preview) return;
    setSaving(true);
    try {
      const { added, updated } = await importRoster(councilId, preview.rows, preview.columns);
      notify.success('名簿を取り込みました', `追加 ${added}人、更新 ${updated}人`);
      setPreview(null);
    } catch (error) {
      notify.error(error, '名簿を取り込めませんでした（何も変更していません）');
    } finally {
      setSaving(false);
    }
  };

  const adds = preview?.rows.filter((r) => r.action === 'add').length ?? 0;
  const updates = (preview?.rows.length ?? 0) - adds;
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        aria-label="名簿ファイル"
        data-testid="roster-file"
        onChange={(e) => void pick(e.target.files?.[0])}
      />
      <Button
        icon={reading ? <Spinner size="tiny" /> : <ArrowUpload24Regular />}
        disabled={reading}
        onClick={() => input.current?.click()}
      >
        Excelから取り込む
      </Button>
      <Dialog
        open={preview !== null}
        onOpenChange={(_, d) => {
          if (!d.open) setPreview(null);
        }}
      >
        <DialogSurface style={{ maxWidth: 1000 }}>
          <DialogBody>
            <DialogTitle>名簿の取り込み（確認）</DialogTitle>
            <DialogContent style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
              {preview ? (
                <>
                  <Text>
                    「{preview.fileName}」のシート「{preview.sheetName}」（見出し：{preview.columns.join('・')}）から、
                    <b>
                      追加 {adds}人・更新 {updates}人
                    </b>
                    を取り込みます。同じ氏名・よみがなの委員は更新します（ファイルにない列は変更しません）。まだ何も保存していません。
                  </Text>
                  {preview.problems.length ? (
                    <MessageBar intent="warning" layout="multiline">
                      <MessageBarBody>
                        <MessageBarTitle>
                          取り込めない行が {new Set(preview.problems.map((p) => p.rowNumber)).size} 行あります
                        </MessageBarTitle>
                        <ul style={{ margin: '4px 0 0', paddingLeft: 18 }} aria-label="取り込めない行">
                          {preview.problems.map((p, i) => (
                            <li key={i}>
                              {p.rowNumber}行目（{p.column}）：{p.message}
                            </li>
                          ))}
                        </ul>
                        ファイルを直して取り込み直すか、これらの行を除いて取り込めます。
                      </MessageBarBody>
                    </MessageBar>
                  ) : null}
                  {preview.rows.length ? (
                    <Table size="small" aria-label="取り込む委員">
                      <TableHeader>
                        <TableRow>
                          <TableHeaderCell style={{ width: 50 }}>行</TableHeaderCell>
                          <TableHeaderCell style={{ width: 64 }}>処理</TableHeaderCell>
                          <TableHeaderCell>氏名</TableHeaderCell>
                          <TableHeaderCell>よみがな</TableHeaderCell>
                          <TableHeaderCell style={{ width: 70 }}>役職</TableHeaderCell>
                          <TableHeaderCell>区分</TableHeaderCell>
                          <TableHeaderCell>所属</TableHeaderCell>
                          <TableHeaderCell style={{ width: 260 }}>任期</TableHeaderCell>
                        </TableRow>
                      </TableHeader>
                      <TableBody>
                        {preview.rows.map((r) => (
                          <TableRow key={r.rowNumber}>
                            <TableCell>{r.rowNumber}</TableCell>
                            <TableCell>
                              {r.action === 'add' ? (
                                <Badge color="success" appearance="tint">
                                  追加
                                </Badge>
                              ) : (
                                <Badge color="informative" appearance="tint">
                                  更新
                                </Badge>
                              )}
                            </TableCell>
                            <TableCell>{r.member.name}</TableCell>
                            <TableCell>{r.member.reading || '—'}</TableCell>
                            <TableCell>{r.member.role}</TableCell>
                            <TableCell>{r.member.category || '—'}</TableCell>
                            <TableCell>{r.member.affiliation || '—'}</TableCell>
                            <TableCell>
                              {r.member.termStart || r.member.termEnd
                                ? `${dateOrDash(r.member.termStart)}～${dateOrDash(r.member.termEnd)}`
                                : '—'}
                            </TableCell>
                          </TableRow>
                        ))}
                      </TableBody>
                    </Table>
                  ) : (
                    <Text>取り込める行がありません。</Text>
                  )}
                </>
              ) : null}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setPreview(null)}>キャンセル</Button>
              <Button appearance="primary" disabled={saving || !preview?.rows.length} onClick={() => void confirm()}>
                {preview?.rows.length ?? 0}人を取り込む
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
