/** The drafts of a council (a council may have several: ビジョン and プラン) and creating one. */
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { Section } from '../../ui/Section';
import { EmptyState } from '../../ui/EmptyState';
import { dateOrDash } from '../../ui/format';
import { useNotify } from '../../app/notify';
import { appDrafts, useCouncilDrafts, useCouncilVersions } from './data';
import { newestFirst } from '../../../../shared/drafts';
import type { Council, Draft } from '../../../../shared/domain';
import { FormDialog } from '../../ui/FormDialog';
import { ReadOnlyBadge, ReadOnlyNotice, useCouncilAccess } from '../sync';

export const NUMBERING_NAMES: Record<Draft['numbering'], string> = {
  roman: 'Ⅰ．／１．／（１）／①',
  dai: '第1／1／(1)／ア',
};

export function NewDraftButton({
  council,
  appearance = 'primary',
}: {
  council: Council;
  appearance?: 'primary' | 'secondary';
}) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [issuer, setIssuer] = useState(council.municipality);
  const [numbering, setNumbering] = useState<Draft['numbering']>('roman');
  const [touched, setTouched] = useState(false);
  const navigate = useNavigate();
  const notify = useNotify();
  const error = touched && !title.trim() ? '表題を入力してください。' : undefined;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!title.trim()) return;
    try {
      const draft = await appDrafts.create({
        councilId: council.id,
        title: title.trim(),
        issuer: issuer.trim(),
        numbering,
      });
      setOpen(false);
      setTitle('');
      setTouched(false);
      navigate(`/councils/${council.id}/vision/${draft.id}`);
    } catch (err) {
      notify.error(err, '原稿を作成できませんでした');
    }
  };
  return (
    <FormDialog
      open={open}
      onOpenChange={setOpen}
      title="新しいビジョン・計画の原稿"
      submitLabel="作成"
      onSubmit={submit}
      trigger={
        <Button appearance={appearance} icon={<Add20Regular />}>
          新しい原稿
        </Button>
      }
    >
      <Field label="表題" required validationMessage={error}>
        <Input
          value={title}
          onChange={(_, d) => setTitle(d.value)}
          onBlur={() => setTouched(true)}
          placeholder="例：〇〇市行政経営戦略推進ビジョン"
          autoFocus
        />
      </Field>
      <Field label="発行者">
        <Input value={issuer} onChange={(_, d) => setIssuer(d.value)} placeholder="例：〇〇市" />
      </Field>
      <Field label="項目番号の形式">
        <RadioGroup value={numbering} onChange={(_, d) => setNumbering(d.value as Draft['numbering'])}>
          <Radio value="roman" label={NUMBERING_NAMES.roman} />
          <Radio value="dai" label={NUMBERING_NAMES.dai} />
        </RadioGroup>
      </Field>
    </FormDialog>
  );
}

/** Deleting is offered only while a draft has no frozen version. */
function DeleteDraftButton({ draft }: { draft: Draft }) {
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="subtle" aria-label={`${draft.title}を削除`}>
          削除
        </Button>
      </DialogTrigger>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>原稿を削除しますか</DialogTitle>
          <DialogContent>
            「{draft.title}」（項目 {draft.sections.length} 件）を削除します。元に戻せません。
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">キャンセル</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              onClick={() =>
                void appDrafts.remove(draft.id).then(
                  () => {
                    setOpen(false);
                    notify.info('原稿を削除しました', draft.title);
                  },
                  (e) => notify.error(e, '原稿を削除できませんでした'),
                )
              }
            >
              削除
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export function DraftList({ council }: { council: Council }) {
  const navigate = useNavigate();
  const drafts = useCouncilDrafts(council.id);
  const versions = useCouncilVersions(council.id);
  // Team use: a member who only reads the council (閲覧のみ) creates and deletes no draft.
  const { readOnly } = useCouncilAccess(council.id);
  if (!drafts || !versions) return null;
  if (drafts.length === 0) {
    return (
      <EmptyState
        title="ビジョン・計画の案がありません"
        actions={readOnly ? <ReadOnlyNotice readOnly what="原稿" /> : <NewDraftButton council={council} />}
      >
        審議会で検討するビジョンや計画の骨子を章・節の構成で作成します。骨子案・素案・案の段階ごとに版を確定し、新旧対照表を出力できます。
      </EmptyState>
    );
  }
  return (
    <Section
      title="ビジョン・計画の原稿"
      actions={readOnly ? <ReadOnlyBadge /> : <NewDraftButton council={council} appearance="secondary" />}
    >
      <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
        {[...drafts]
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
          .map((d) => {
            const mine = newestFirst(versions.filter((v) => v.draftId === d.id));
            const top = d.sections.filter((s) => s.parentId === null).length;
            return (
              <div
                key={d.id}
                style={{
                  display: 'flex',
                  alignItems: 'center',
                  gap: 12,
                  padding: '10px 12px',
                  border: `1px solid ${tokens.colorNeutralStroke2}`,
                  borderRadius: tokens.borderRadiusMedium,
                }}
              >
                <div style={{ flex: 1, minWidth: 0 }}>
                  <Text as="h3" weight="semibold" size={400} block>
                    {d.title}
                  </Text>
                  <Text size={200} style={{ color: tokens.colorNeutralForeground3 }}>
                    {d.issuer || '発行者未設定'}　{dateOrDash(d.date)}　章 {top}・項目 {d.sections.length}　
                    {NUMBERING_NAMES[d.numbering]}
                  </Text>
                  <div style={{ display: 'flex', gap: 6, marginTop: 4, flexWrap: 'wrap' }}>
                    {mine.length === 0 ? (
                      <Badge appearance="outline" color="subtle">
                        確定した版なし
                      </Badge>
                    ) : (
                      [...mine].reverse().map((v) => (
                        <Badge key={v.id} appearance="tint" color="brand">
                          {v.stage}（{dateOrDash(v.date)}）
                        </Badge>
                      ))
                    )}
                  </div>
                </div>
                {mine.length === 0 && !readOnly ? <DeleteDraftButton draft={d} /> : null}
                <Button appearance="primary" onClick={() => navigate(d.id)} aria-label={`${d.title}を開く`}>
                  開く
                </Button>
              </div>
            );
          })}
      </div>
    </Section>
  );
}
