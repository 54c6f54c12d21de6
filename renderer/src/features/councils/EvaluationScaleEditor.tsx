/**
 * 設定 › 進行管理の評価: the grades the yearly progress review uses (A/B/C by default, or the
 * council's own, e.g. S/A/B/C or ◎/○/△). Edited as a draft and saved with a button; grades
 * already given in past progress keep their label (they are shown as written).
 */
import { useState } from 'react';
import { Button, Input, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { saveCouncil } from './data';
import { useNotify } from '../../app/notify';
import { Section } from '../../ui/Section';
import { DEFAULT_EVALUATION_SCALE, evaluationScaleOf, evaluationScaleProblem } from '../../../../shared/actions';
import type { Council, EvaluationGrade } from '../../../../shared/domain';

export function EvaluationScaleEditor({ council }: { council: Council }) {
  const notify = useNotify();
  const saved = evaluationScaleOf(council);
  const [draft, setDraft] = useState<EvaluationGrade[]>(saved);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const problem = evaluationScaleProblem(draft);
  const set = (i: number, patch: Partial<EvaluationGrade>) =>
    setDraft((d) => d.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  const save = () =>
    saveCouncil(
      council.id,
      { evaluationScale: draft.map((g) => ({ label: g.label.trim(), meaning: g.meaning })) },
      '評価の段階を保存しました',
    ).catch((e) => notify.error(e, '評価の段階を保存できませんでした'));
  return (
    <Section title="進行管理の評価" id="evaluation-scale">
      <Text size={200}>アクションプランの進行管理で使う自己評価の段階です（既定は A・B・C）。</Text>
      <ol aria-label="評価の段階" style={{ margin: '6px 0', paddingLeft: 20 }}>
        {draft.map((g, i) => (
          <li key={i} style={{ marginBottom: 4 }}>
            <div style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
              <Input
                aria-label={`評価${i + 1}の記号`}
                value={g.label}
                style={{ width: 70 }}
                onChange={(_, d) => set(i, { label: d.value })}
              />
              <Input
                aria-label={`評価${i + 1}の意味`}
                value={g.meaning}
                style={{ flex: 1 }}
                onChange={(_, d) => set(i, { meaning: d.value })}
              />
              <Button
                appearance="subtle"
                icon={<DeleteRegular />}
                aria-label={`評価${i + 1}を削除`}
                disabled={draft.length <= 1}
                onClick={() => setDraft((d) => d.filter((_, j) => j !== i))}
              />
            </div>
          </li>
        ))}
      </ol>
      {problem ? (
        <MessageBar intent="warning">
          <MessageBarBody>保存できません：{problem}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginTop: 6 }}>
        <Button icon={<AddRegular />} onClick={() => setDraft((d) => [...d, { label: '', meaning: '' }])}>
          段階を追加
        </Button>
        <Button onClick={() => setDraft(DEFAULT_EVALUATION_SCALE)}>既定（A・B・C）に戻す</Button>
        <Button appearance="primary" disabled={!dirty || problem !== null} onClick={() => void save()}>
          評価の段階を保存
        </Button>
      </div>
    </Section>
  );
}
