/** 設定 › 定足数: the quorum rule and what it means for the current roster. */
import { Input, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { saveCouncil } from './data';
import { useNotify } from '../../app/notify';
import { Section } from '../../ui/Section';
import { quorumRequired, quorumRuleText } from '../../../../shared/quorum';
import { type Council, type QuorumRule } from '../../../../shared/domain';

export function QuorumEditor({ council, memberCount }: { council: Council; memberCount: number }) {
  const notify = useNotify();
  const q = council.quorum;
  const save = (quorum: QuorumRule) =>
    saveCouncil(council.id, { quorum }, `定足数を「${quorumRuleText(quorum)}」にしました`).catch((e) =>
      notify.error(e, '定足数を保存できませんでした'),
    );
  const int = (v: string, min: number) => {
    const n = Number(v);
    return Number.isInteger(n) && n >= min ? n : null;
  };
  return (
    <Section title="定足数">
      <RadioGroup
        aria-label="定足数の決め方"
        value={q.kind}
        onChange={(_, d) =>
          void save(
            d.value === 'majority'
              ? { kind: 'majority' }
              : d.value === 'fraction'
                ? { kind: 'fraction', numerator: 1, denominator: 2 }
                : { kind: 'count', count: quorumRequired(q, memberCount) },
          )
        }
      >
        <Radio value="majority" label="委員の過半数（既定）" />
        <Radio value="fraction" label="委員の○分の○以上" />
        <Radio value="count" label="人数で指定" />
      </RadioGroup>
      {q.kind === 'fraction' ? (
        <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 6 }}>
          委員の
          <Input
            aria-label="分母"
            type="number"
            min={1}
            value={String(q.denominator)}
            style={{ width: 70 }}
            onChange={(_, d) => {
              const n = int(d.value, 1);
              if (n) void save({ ...q, denominator: n });
            }}
          />
          分の
          <Input
            aria-label="分子"
            type="number"
            min={1}
            value={String(q.numerator)}
            style={{ width: 70 }}
            onChange={(_, d) => {
              const n = int(d.value, 1);
              if (n) void save({ ...q, numerator: n });
            }}
          />
          以上
        </div>
      ) : null}
      {q.kind === 'count' ? (
        <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 6 }}>
          <Input
            aria-label="人数"
            type="number"
            min={0}
            value={String(q.count)}
            style={{ width: 80 }}
            onChange={(_, d) => {
              const n = int(d.value, 0);
              if (n !== null) void save({ kind: 'count', count: n });
            }}
          />
          人以上
        </div>
      ) : null}
      <Text block style={{ marginTop: 8 }}>
        現在の委員 {memberCount}人 → 定足数 <b>{quorumRequired(q, memberCount)}人</b>（{quorumRuleText(q)}）
      </Text>
    </Section>
  );
}
