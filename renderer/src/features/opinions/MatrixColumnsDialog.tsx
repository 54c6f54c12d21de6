/** 列の設定 of the field matrix: titles, order, and whether a column fills from opinions of a source. */
import { useEffect, useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Input,
  Select,
  Text,
} from '@fluentui/react-components';
import { AddRegular, ArrowDownRegular, ArrowUpRegular, DeleteRegular } from '@fluentui/react-icons';
import { useNotify } from '../../app/notify';
import { OPINION_SOURCE_LABELS, OPINION_SOURCES, type Council, type MatrixColumn } from '../../../../shared/domain';
import { randomId } from '../../../../shared/factory';
import { saveMatrixColumns } from './data/index';

export function MatrixColumnsDialog({
  council,
  open,
  onClose,
}: {
  council: Council;
  open: boolean;
  onClose: () => void;
}) {
  const notify = useNotify();
  const [cols, setCols] = useState<MatrixColumn[]>([]);
  const [error, setError] = useState('');
  useEffect(() => {
    if (open) {
      setCols(council.matrixColumns.map((c) => ({ ...c })));
      setError('');
    }
  }, [open, council.matrixColumns]);

  const update = (i: number, patch: Partial<MatrixColumn>) =>
    setCols((cs) => cs.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const move = (i: number, step: -1 | 1) =>
    setCols((cs) => {
      const j = i + step;
      if (j < 0 || j >= cs.length) return cs;
      const next = [...cs];
      [next[i], next[j]] = [next[j]!, next[i]!];
      return next;
    });
  const save = async () => {
    if (!cols.length) {
      setError('列を1つ以上設けてください。');
      return;
    }
    if (cols.some((c) => !c.title.trim())) {
      setError('列の見出しを入力してください。');
      return;
    }
    const removed = council.matrixColumns.filter((c) => !cols.some((x) => x.id === c.id) && !c.opinionSource);
    if (
      removed.length &&
      !window.confirm(`列「${removed.map((c) => c.title).join('」「')}」とその項目を削除します。よろしいですか。`)
    )
      return;
    try {
      await saveMatrixColumns(
        council.id,
        cols.map((c) => ({ ...c, title: c.title.trim() })),
      );
      notify.success('列の設定を保存しました');
      onClose();
    } catch (e) {
      notify.error(e, '保存できませんでした');
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(_, d) => {
        if (!d.open) onClose();
      }}
    >
      <DialogSurface style={{ maxWidth: 760 }}>
        <DialogBody>
          <DialogTitle>マトリクスの列の設定</DialogTitle>
          <DialogContent>
            <Text block style={{ marginBottom: 10 }}>
              「意見」の列は、その出典の意見を分野ごとに自動で並べます。「項目を入力」の列は、解決案や取組などを直接入力します。
            </Text>
            <div role="list" aria-label="マトリクスの列" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
              {cols.map((c, i) => (
                <div role="listitem" key={c.id} style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
                  <Input
                    aria-label={`列${i + 1}の見出し`}
                    value={c.title}
                    onChange={(_, d) => update(i, { title: d.value })}
                    style={{ flex: 1 }}
                  />
                  <Select
                    aria-label={`列${i + 1}の内容`}
                    value={c.opinionSource ?? ''}
                    onChange={(_, d) =>
                      update(i, { opinionSource: (d.value || null) as MatrixColumn['opinionSource'] })
                    }
                  >
                    <option value="">項目を入力</option>
                    {OPINION_SOURCES.map((s) => (
                      <option key={s} value={s}>
                        意見：{OPINION_SOURCE_LABELS[s]}
                      </option>
                    ))}
                  </Select>
                  <Button
                    appearance="subtle"
                    icon={<ArrowUpRegular />}
                    aria-label={`列${i + 1}を左へ`}
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  />
                  <Button
                    appearance="subtle"
                    icon={<ArrowDownRegular />}
                    aria-label={`列${i + 1}を右へ`}
                    disabled={i === cols.length - 1}
                    onClick={() => move(i, 1)}
                  />
                  <Button
                    appearance="subtle"
                    icon={<DeleteRegular />}
                    aria-label={`列${i + 1}を削除`}
                    onClick={() => setCols((cs) => cs.filter((_, j) => j !== i))}
                  />
                </div>
              ))}
            </div>
            <Button
              icon={<AddRegular />}
              appearance="transparent"
              style={{ marginTop: 8 }}
              onClick={() => setCols((cs) => [...cs, { id: randomId(), title: '新しい列', opinionSource: null }])}
            >
              列を追加
            </Button>
            {error ? (
              <Text block role="alert" style={{ color: 'var(--colorPaletteRedForeground1)' }}>
                {error}
              </Text>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>キャンセル</Button>
            <Button appearance="primary" onClick={() => void save()}>
              保存
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
