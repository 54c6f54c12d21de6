/** 次第: items of kind 開会 / 報告 / 説明 / 議題 / その他 / 閉会, numbered as the 次第 prints them; Alt+↑/↓ or drag to reorder. */
import { useEffect, useState } from 'react';
import { Button, Checkbox, Option, Text, Tooltip, tokens } from '@fluentui/react-components';
import { Dropdown } from '../../ui/select';
import {
  Add24Regular,
  ArrowDownRegular,
  ArrowUpRegular,
  DeleteRegular,
  ReOrderDotsVerticalRegular,
} from '@fluentui/react-icons';
import { Section } from '../../ui/Section';
import { editMeeting, previousMeeting } from './data';
import { undoHistory, undoScope } from '../../data/undo';
import { useNotify } from '../../app/notify';
import { agendaNumbers, type DigitWidth } from '../../../../shared/agenda';
import { randomId } from '../../../../shared/factory';
import { AGENDA_KINDS, type AgendaItem, type Meeting } from '../../../../shared/domain';
import { CommitInput, Row } from '../../ui/CommitInput';
import { move, useReorder } from '../../ui/reorder';
import { useConfirmDelete } from '../../ui/ConfirmDelete';

const STANDARD: [AgendaItem['kind'], string][] = [
  ['開会', '開会'],
  ['議題', ''],
  ['その他', 'その他'],
  ['閉会', '閉会'],
];

export function AgendaSection({ meeting, digits }: { meeting: Meeting; digits: DigitWidth }) {
  const notify = useNotify();
  const [kind, setKind] = useState<AgendaItem['kind']>('議題');
  const items = meeting.agenda;
  const numbers = agendaNumbers(items, digits);
  // Every change of the 次第 can be undone from the meeting page (data/undo.ts).
  const save = (change: (agenda: AgendaItem[]) => AgendaItem[], label: string) =>
    undoHistory
      .run(undoScope.meeting(meeting.id), label, [{ table: 'meetings', id: meeting.id }], () =>
        editMeeting(meeting.id, (m) => ({ agenda: change(m.agenda) })),
      )
      .catch((e) => notify.error(e, '次第を保存できませんでした'));
  const { confirm, dialog } = useConfirmDelete();
  const remove = async (item: AgendaItem) => {
    const name = item.title || item.kind;
    const detail = '記録した発言は残り、会議録では「議題外の記録」に入ります。';
    if (await confirm({ kind: '議題', name, detail }))
      await save((a) => a.filter((x) => x.id !== item.id), `議題「${name}」を削除しました`);
  };
  const reorder = useReorder(items.length, (from, to) => save((a) => move(a, from, to), '次第の順番を変更しました'));
  const copyPrevious = async () => {
    const previous = await previousMeeting(meeting.councilId, meeting.number);
    if (!previous || previous.agenda.length === 0) {
      notify.info('写せる次第がありません', '前回の会議に次第が登録されていません。');
      return;
    }
    await save(
      () => previous.agenda.map((a) => ({ ...a, id: randomId() })),
      `第${previous.number}回の次第を写しました。議題の名称を今回の内容に直してください`,
    );
  };
  const patch = (id: string, p: Partial<AgendaItem>, label: string) =>
    save((a) => a.map((x) => (x.id === id ? { ...x, ...p } : x)), label);

  return (
    <>
      {dialog}
      <Section
        title="次第"
        actions={
          <>
            {items.length === 0 ? (
              <>
                <Button
                  size="small"
                  onClick={() =>
                    void save(
                      () => STANDARD.map(([k, t]) => ({ id: randomId(), kind: k, title: t })),
                      '標準の次第を入れました',
                    )
                  }
                >
                  標準の次第を入れる
                </Button>
                <Button size="small" onClick={() => void copyPrevious()}>
                  前回の次第を写す
                </Button>
              </>
            ) : null}
            <Dropdown
              size="small"
              aria-label="追加する項目の種類"
              value={kind}
              selectedOptions={[kind]}
              onOptionSelect={(_, d) => setKind(d.optionValue as AgendaItem['kind'])}
              style={{ minWidth: 90 }}
            >
              {AGENDA_KINDS.map((k) => (
                <Option key={k} value={k}>
                  {k}
                </Option>
              ))}
            </Dropdown>
            <Button
              size="small"
              icon={<Add24Regular />}
              onClick={() =>
                void save((a) => {
                  // New items go where they usually stand: before the closing その他・閉会 (その他 only before 閉会).
                  const tail = kind === '閉会' ? [] : kind === 'その他' ? ['閉会'] : ['その他', '閉会'];
                  let at = a.length;
                  while (at > 0 && tail.includes(a[at - 1]!.kind)) at--;
                  const item = { id: randomId(), kind, title: kind === '議題' ? '' : kind };
                  return [...a.slice(0, at), item, ...a.slice(at)];
                }, `次第に「${kind}」を追加しました`)
              }
            >
              項目を追加
            </Button>
          </>
        }
      >
        {items.length === 0 ? (
          <Text>次第の項目がありません。「標準の次第を入れる」で 開会・議題・その他・閉会 を入れてから直せます。</Text>
        ) : (
          <>
            <Text size={200} style={{ color: tokens.colorNeutralForeground3 }}>
              項目を選んで Alt+↑／Alt+↓、または左端をドラッグして並べ替えます。番号は次第の印刷と同じです。
            </Text>
            <ol
              aria-label="次第の項目"
              style={{
                listStyle: 'none',
                margin: '6px 0 0',
                padding: 0,
                display: 'flex',
                flexDirection: 'column',
                gap: 4,
              }}
            >
              {items.map((item, i) => (
                <li
                  key={item.id}
                  data-search-id={item.id}
                  {...reorder.rowProps(i, true, true)}
                  aria-label={`${numbers.get(item.id)} ${item.title || item.kind}`}
                  style={{
                    display: 'flex',
                    gap: 8,
                    alignItems: 'center',
                    padding: '4px 6px',
                    borderRadius: 4,
                    border: `1px solid ${reorder.over === i ? tokens.colorBrandStroke1 : tokens.colorNeutralStroke2}`,
                  }}
                >
                  <span {...reorder.handleProps(i)} data-testid="agenda-grip">
                    <ReOrderDotsVerticalRegular style={{ color: tokens.colorNeutralForeground3 }} />
                  </span>
                  <Text weight="semibold" style={{ width: 64 }}>
                    {numbers.get(item.id)}
                  </Text>
                  <Dropdown
                    size="small"
                    aria-label="種類"
                    value={item.kind}
                    selectedOptions={[item.kind]}
                    style={{ minWidth: 90 }}
                    onOptionSelect={(_, d) =>
                      void patch(
                        item.id,
                        { kind: d.optionValue as AgendaItem['kind'] },
                        `項目の種類を「${d.optionValue}」に変更しました`,
                      )
                    }
                  >
                    {AGENDA_KINDS.map((k) => (
                      <Option key={k} value={k}>
                        {k}
                      </Option>
                    ))}
                  </Dropdown>
                  <CommitInput
                    aria-label="項目名"
                    value={item.title}
                    placeholder={item.kind === '議題' ? '議題の名称（例：〇〇計画の素案について）' : item.kind}
                    style={{ flex: 1 }}
                    onCommit={(v) => patch(item.id, { title: v.trim() }, `項目名を「${v.trim()}」に変更しました`)}
                  />
                  <ClosedCheckbox
                    stored={!!item.closed}
                    onChange={(closed) =>
                      undoHistory.run(
                        undoScope.meeting(meeting.id),
                        `「${item.title || item.kind}」を${closed ? '非公開' : '公開'}にしました`,
                        [{ table: 'meetings', id: meeting.id }],
                        () =>
                          editMeeting(meeting.id, (m) => ({
                            agenda: m.agenda.map((x) => (x.id === item.id ? { ...x, closed } : x)),
                          })),
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
                        onClick={() => void save((a) => move(a, i, i - 1), '次第の順番を変更しました')}
                      />
                    </Tooltip>
                    <Tooltip content="下へ（Alt+↓）" relationship="label">
                      <Button
                        size="small"
                        appearance="subtle"
                        icon={<ArrowDownRegular />}
                        disabled={i === items.length - 1}
                        onClick={() => void save((a) => move(a, i, i + 1), '次第の順番を変更しました')}
                      />
                    </Tooltip>
                    <Tooltip content="削除" relationship="label">
                      <Button
                        size="small"
                        appearance="subtle"
                        icon={<DeleteRegular />}
                        onClick={() => void remove(item)}
                      />
                    </Tooltip>
                  </Row>
                </li>
              ))}
            </ol>
          </>
        )}
      </Section>
    </>
  );
}

/** 「この議題は非公開で審議」: shows the click at once, then follows the stored value. */
function ClosedCheckbox({ stored, onChange }: { stored: boolean; onChange: (closed: boolean) => Promise<unknown> }) {
  const notify = useNotify();
  const [checked, setChecked] = useState(stored);
  useEffect(() => setChecked(stored), [stored]);
  return (
    <Checkbox
      label="この議題は非公開で審議"
      checked={checked}
      onChange={(_, d) => {
        setChecked(d.checked === true);
        onChange(d.checked === true).catch((e: unknown) => {
          setChecked(stored);
          notify.error(e, '次第を保存できませんでした');
        });
      }}
    />
  );
}
