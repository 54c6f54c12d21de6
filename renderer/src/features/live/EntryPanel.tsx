/**
 * The entry box at the bottom of the live screen: the picker when open, what is chosen for the
 * next line (agenda item, clock, speaker, kind, field, flags), the entry line and its status.
 */
import { Badge, Button, mergeClasses, Text, ToggleButton, Tooltip } from '@fluentui/react-components';
import type { Council, Meeting } from '../../../../shared/domain';
import { QuickPick } from './QuickPick';
import { Clock, EntryLine, SaveStatus } from './EntryLine';
import { startNow, startTimeOf } from './time';
import { startMeetingNow } from './data';
import { useLiveStyles } from './styles';
import type { EntryDraftState } from './hooks/useEntryDraft';
import type { usePicking } from './hooks/usePicking';

const PICKER_TITLES = {
  speaker: '発言者を選ぶ',
  kind: '種別を選ぶ',
  field: '分野を選ぶ',
  answer: 'どの質問への回答か',
} as const;

export function EntryPanel({
  meeting,
  council,
  draft,
  picking,
  clockBase,
  initialText,
  onCommit,
  onLeave,
}: {
  meeting: Meeting;
  council: Council;
  draft: EntryDraftState;
  picking: ReturnType<typeof usePicking>;
  clockBase: number | null;
  initialText: string;
  onCommit: (text: string) => void;
  onLeave: () => void;
}) {
  const s = useLiveStyles();
  const { meta, itemId, entryRef, storageError, savedAt, scheduleDraft, flushDraft } = draft;
  const { picker, setPicker, closePicker, pick, toggle, labelOf } = picking;
  const currentItem = meeting.agenda.find((a) => a.id === itemId);
  const fieldName = meta.fieldId ? (council.fields.find((f) => f.id === meta.fieldId)?.name ?? '') : '';
  const closed = !!currentItem?.closed;
  return (
    <div className={mergeClasses(s.entry, (meta.nonPublic || closed) && s.entryNonPublic)}>
      {closed ? (
        <div role="status" className={s.closedBanner}>
          非公開審議中：この議題の発言はすべて非公開として記録され、公開版・プロジェクターには出ません。
        </div>
      ) : null}
      {picker ? (
        <QuickPick
          key={`${picker.what}-${picker.target}`}
          title={PICKER_TITLES[picker.what]}
          options={
            picker.what === 'speaker'
              ? picking.speakerOptions
              : picker.what === 'kind'
                ? picking.kindOptions
                : picker.what === 'answer'
                  ? picking.answerOptions
                  : picking.fieldOptions
          }
          filter={picker.what === 'speaker' ? picking.filterSpeakers : undefined}
          digitsPick
          onPick={(o) => pick(picker, o)}
          onClose={closePicker}
        />
      ) : null}
      <div className={s.meta}>
        <Text className={s.metaLabel}>議題</Text>
        <Badge appearance="tint" color="brand" aria-label="今の議題" className={s.item} title={currentItem?.title}>
          <span className={s.itemText}>{currentItem?.title ?? '議題なし'}</span>
        </Badge>
        <Clock
          base={clockBase}
          start={startTimeOf(meeting)}
          onStartNow={() => {
            startMeetingNow(meeting.id, startNow(Date.now())).catch(() => undefined);
          }}
        />
        <Text className={s.metaLabel}>発言者</Text>
        <Tooltip content="Alt+S で検索、Alt+1…9 で名簿順、Alt+K 会長、Alt+J 事務局" relationship="description">
          <Button
            size="small"
            className={s.speaker}
            aria-label="発言者"
            onClick={() => setPicker({ what: 'speaker', target: 'entry' })}
          >
            {meta.speaker.type === 'unknown' ? '（発言者なし）' : labelOf(meta.speaker)}
          </Button>
        </Tooltip>
        <Text className={s.metaLabel}>種別</Text>
        <Button size="small" aria-label="種別" onClick={() => setPicker({ what: 'kind', target: 'entry' })}>
          {meta.kind}
        </Button>
        <Text className={s.metaLabel}>分野</Text>
        <Button size="small" aria-label="分野" onClick={() => setPicker({ what: 'field', target: 'entry' })}>
          {fieldName || 'なし'}
        </Button>
        <ToggleButton
          size="small"
          checked={meta.nonPublic}
          appearance={meta.nonPublic ? 'primary' : 'secondary'}
          onClick={() => toggle('entry', 'nonPublic')}
        >
          非公開（Alt+N）
        </ToggleButton>
        <ToggleButton size="small" checked={meta.needsCheck} onClick={() => toggle('entry', 'needsCheck')}>
          要確認（Alt+Y）
        </ToggleButton>
      </div>
      <EntryLine
        inputRef={entryRef}
        initialText={initialText}
        onCommit={onCommit}
        onChange={scheduleDraft}
        onBlur={flushDraft}
        onLeave={onLeave}
      />
      <div className={s.meta}>
        <Text className={s.hint}>
          Enter で記録・Shift+Enter で改行・↑ で一覧へ・F1 でショートカット一覧。入力中の文字は自動で保存されます。
        </Text>
        <SaveStatus error={storageError !== null} savedAt={savedAt} />
      </div>
    </div>
  );
}
