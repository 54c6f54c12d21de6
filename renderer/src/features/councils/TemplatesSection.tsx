/**
 * 「Wordテンプレート」: the city's own Word templates (様式) per document kind. The user downloads
 * a starter (ひな形) and the guide (タグ一覧), edits the file in Word and uploads it back; main
 * checks it by filling it with the sample meeting before keeping it, so a template with an
 * unknown tag or an unclosed loop is refused with a message naming the tag and where it is.
 */
import { useRef, useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { Council } from '../../../../shared/domain';
import type { CouncilTemplate } from '../../../../shared/templates/schema';
import { TEMPLATE_KIND_LABELS, TEMPLATE_KINDS, type TemplateKind } from '../../../../shared/templates/tags';
import { AppError } from '../../../../shared/errors';
import { call } from '../../platform/bridge';
import { useNotify } from '../../app/notify';
import { Section } from '../../ui/Section';
import { useExport } from '../../ui/exporting';
import { saveCouncil } from './data';

/** The file's bytes as base64 (the upload channel carries JSON). */
async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** `readOnly` (閲覧のみ): the starters and the guide still download; nothing is uploaded, replaced or removed. */
export function TemplatesSection({ council, readOnly = false }: { council: Council; readOnly?: boolean }) {
  const notify = useNotify();
  const exporter = useExport();
  const input = useRef<HTMLInputElement>(null);
  const [target, setTarget] = useState<{ kind: TemplateKind; replaces: string | null } | null>(null);
  const [error, setError] = useState<{ kind: TemplateKind; message: string } | null>(null);
  const [busy, setBusy] = useState<TemplateKind | null>(null);
  const [removing, setRemoving] = useState<CouncilTemplate | null>(null);
  const templates = council.templates ?? [];

  const pick = (kind: TemplateKind, replaces: string | null) => {
    setTarget({ kind, replaces });
    setError(null);
    input.current?.click();
  };

  const upload = async (file: File) => {
    if (!target) return;
    const { kind, replaces } = target;
    setBusy(kind);
    try {
      const saved = await call('template:upload:docx', {
        kind,
        fileName: file.name,
        base64: await toBase64(file),
        replaces,
      });
      const rest = templates.filter((t) => t.kind !== kind);
      await saveCouncil(council.id, { templates: [...rest, saved] });
      notify.success(`${TEMPLATE_KIND_LABELS[kind]}のテンプレートを登録しました`);
    } catch (e) {
      const message = e instanceof AppError || e instanceof Error ? e.message : 'テンプレートを登録できませんでした。';
      setError({ kind, message });
    } finally {
      setBusy(null);
      setTarget(null);
    }
  };

  const remove = async (t: CouncilTemplate) => {
    setRemoving(null);
    try {
      await saveCouncil(council.id, { templates: templates.filter((x) => x.storedName !== t.storedName) });
      await call('template:remove:file', { storedName: t.storedName });
      notify.success(`${TEMPLATE_KIND_LABELS[t.kind]}のテンプレートを削除しました`);
    } catch (e) {
      notify.error(e, 'テンプレートを削除できませんでした');
    }
  };

  return (
    <Section
      title="Wordテンプレート"
      actions={
        <Button
          disabled={exporter.busy !== null}
          onClick={() => void exporter.run('作り方', () => call('template:export:guide', {}))}
        >
          作り方（タグ一覧）
        </Button>
      }
    >
      <Text as="p" size={200} style={{ color: tokens.colorNeutralForeground3, marginTop: 0 }}>
        市の様式（Word）に会議録・次第・意見対応表を流し込めます。ひな形をダウンロードして Word
        で整え、アップロードしてください。登録したテンプレートは各画面の「テンプレートで出力」で使えます。
      </Text>
      <input
        ref={input}
        type="file"
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        aria-label="テンプレートのファイル"
        style={{ display: 'none' }}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void upload(file);
          else setTarget(null);
        }}
      />
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Wordテンプレートの一覧">
        {TEMPLATE_KINDS.map((kind) => {
          const label = TEMPLATE_KIND_LABELS[kind];
          const t = templates.find((x) => x.kind === kind);
          return (
            <li
              key={kind}
              aria-label={label}
              style={{ padding: '8px 0', borderTop: `1px solid ${tokens.colorNeutralStroke2}` }}
            >
              <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
                <Text weight="semibold" style={{ minWidth: 130 }}>
                  {label}
                </Text>
                <Text size={200}>{t ? t.originalName : '未登録（標準の書式で出力）'}</Text>
                <span style={{ marginLeft: 'auto', display: 'flex', gap: 6, flexWrap: 'wrap' }}>
                  <Button
                    size="small"
                    disabled={exporter.busy !== null}
                    aria-label={`${label}のひな形をダウンロード`}
                    onClick={() =>
                      void exporter.run('ひな形', () => call('template:export:starter', { kind, council }), kind)
                    }
                  >
                    ひな形をダウンロード
                  </Button>
                  {readOnly ? null : t ? (
                    <>
                      <Button
                        size="small"
                        disabled={busy !== null}
                        aria-label={`${label}のテンプレートを差し替え`}
                        onClick={() => pick(kind, t.storedName)}
                      >
                        {busy === kind ? '確認中…' : '差し替え'}
                      </Button>
                      <Button size="small" aria-label={`${label}のテンプレートを削除`} onClick={() => setRemoving(t)}>
                        削除
                      </Button>
                    </>
                  ) : (
                    <Button
                      size="small"
                      appearance="primary"
                      disabled={busy !== null}
                      aria-label={`${label}のテンプレートをアップロード`}
                      onClick={() => pick(kind, null)}
                    >
                      {busy === kind ? '確認中…' : 'アップロード'}
                    </Button>
                  )}
                </span>
              </div>
              {error?.kind === kind ? (
                <MessageBar intent="error" role="alert" style={{ marginTop: 6 }}>
                  <MessageBarBody>登録できませんでした：{error.message}</MessageBarBody>
                </MessageBar>
              ) : null}
            </li>
          );
        })}
      </ul>
      <Dialog open={removing !== null} onOpenChange={(_, d) => (d.open ? null : setRemoving(null))}>
        <DialogSurface aria-describedby={undefined}>
          <DialogBody>
            <DialogTitle>テンプレートを削除しますか</DialogTitle>
            <DialogContent>
              {removing
                ? `${TEMPLATE_KIND_LABELS[removing.kind]}のテンプレート「${removing.originalName}」を削除します。以後は標準の書式で出力します。`
                : null}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setRemoving(null)}>キャンセル</Button>
              <Button appearance="primary" onClick={() => removing && void remove(removing)}>
                削除する
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </Section>
  );
}
