/** 公用文チェック: each finding with its place and proposed fix; accept one by one or all. */
import { useState } from 'react';
import {
  Badge,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircle24Regular } from '@fluentui/react-icons';
import { CHECK_RULES, type Finding, type Fix } from '../../../../shared/minutes/checks';
import type { TextChange } from '../../../../shared/style/format';

interface Props {
  findings: Finding[];
  locked: boolean;
  onApply(fixes: Fix[], what: string): Promise<void>;
  /** Shows the paragraph in the editor. */
  onGoto(paragraphKey: string): void;
  /** What the style's punctuation and width rules change at export (listed, never silent). */
  ruleChanges?: TextChange[];
}

/** 出力時に変わる箇所: the text the style's punctuation/width rules rewrite in the exported document. */
function RuleChanges({ changes }: { changes: TextChange[] }) {
  if (changes.length === 0) return null;
  return (
    <section aria-label="出力時に変わる箇所" style={{ marginTop: 16 }}>
      <Text weight="semibold" block>
        出力時に変わる箇所（様式の句読点・文字の幅）{changes.length}件
      </Text>
      <Text size={200} block style={{ marginBottom: 6 }}>
        会議録の文章はそのままで、Word などへの出力時にだけ次のように変わります。
      </Text>
      <Table size="small" aria-label="出力時に変わる箇所">
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: 200 }}>場所</TableHeaderCell>
            <TableHeaderCell>いまの文章</TableHeaderCell>
            <TableHeaderCell>出力される文章</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {changes.map((c, i) => (
            <TableRow key={i}>
              <TableCell>{c.where}</TableCell>
              <TableCell>{c.before}</TableCell>
              <TableCell>{c.after}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

export function ChecksPanel({ findings, locked, onApply, onGoto, ruleChanges = [] }: Props) {
  const [ignored, setIgnored] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const shown = findings.filter((f) => !ignored.has(f.id));
  const fixable = shown.filter((f) => f.fix);
  const apply = async (fixes: Fix[], what: string) => {
    setBusy(true);
    try {
      await onApply(fixes, what);
    } finally {
      setBusy(false);
    }
  };
  if (shown.length === 0) {
    return (
      <div>
        <div style={{ display: 'flex', gap: 8, alignItems: 'center', padding: 12 }}>
          <CheckmarkCircle24Regular color={tokens.colorPaletteGreenForeground1} />
          <Text>公開版の文章に指摘はありません{ignored.size ? `（無視した指摘 ${ignored.size}件）` : ''}。</Text>
        </div>
        <RuleChanges changes={ruleChanges} />
      </div>
    );
  }
  return (
    <div>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 8, flexWrap: 'wrap' }}>
        <Text>
          指摘 {shown.length}件（修正案あり {fixable.length}件）。修正は会議録の文章に反映され、元の記録は変わりません。
        </Text>
        <Button
          appearance="primary"
          disabled={locked || busy || fixable.length === 0}
          onClick={() =>
            void apply(
              fixable.map((f) => f.fix!),
              `公用文チェックの修正をすべて適用（${fixable.length}件）`,
            )
          }
        >
          修正案をすべて適用
        </Button>
      </div>
      <Table size="small" aria-label="公用文チェックの指摘">
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: 150 }}>種類</TableHeaderCell>
            <TableHeaderCell style={{ width: 220 }}>場所</TableHeaderCell>
            <TableHeaderCell>内容</TableHeaderCell>
            <TableHeaderCell style={{ width: 230 }}>修正案</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((f) => (
            <TableRow key={f.id}>
              <TableCell>
                <Badge appearance="tint" color={f.fix ? 'warning' : 'informative'}>
                  {CHECK_RULES[f.rule]}
                </Badge>
              </TableCell>
              <TableCell>
                {f.paragraphKey && !f.paragraphKey.startsWith('x:') ? (
                  <Button
                    appearance="transparent"
                    size="small"
                    style={{ padding: 0, minWidth: 0, textAlign: 'left', justifyContent: 'flex-start' }}
                    onClick={() => onGoto(f.paragraphKey!)}
                  >
                    {f.place}
                    {f.length ? `（${f.offset + 1}文字目）` : ''}
                  </Button>
                ) : (
                  f.place
                )}
              </TableCell>
              <TableCell>
                <div>{f.message}</div>
                <div style={{ color: tokens.colorNeutralForeground3 }}>{f.excerpt}</div>
              </TableCell>
              <TableCell>
                <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap', alignItems: 'center' }}>
                  {f.fix ? (
                    <Button
                      size="small"
                      disabled={locked || busy}
                      onClick={() => void apply([f.fix!], `公用文チェックの修正：${f.fix!.label}`)}
                      aria-label={`適用：${f.fix.label}`}
                    >
                      {f.fix.label}
                    </Button>
                  ) : (
                    <Text size={200}>（確認のみ）</Text>
                  )}
                  <Button size="small" appearance="subtle" onClick={() => setIgnored(new Set([...ignored, f.id]))}>
                    無視
                  </Button>
                </div>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <RuleChanges changes={ruleChanges} />
    </div>
  );
}
