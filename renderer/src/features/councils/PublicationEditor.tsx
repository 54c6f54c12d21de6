/** 設定 › 文書の書き方: fonts, how dates, times and speakers are written in the council's documents. */
import { Field, Option, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { Combobox, Dropdown } from '../../ui/select';
import { saveCouncil } from './data';
import { useNotify } from '../../app/notify';
import { Section } from '../../ui/Section';
import { SPEAKER_LABEL_NAMES } from '../../ui/labels';
import { formatMeetingDateTime } from '../../../../shared/wareki';
import { itemNumber, meetingOrdinal } from '../../../../shared/numbering';
import {
  SPEAKER_LABEL_RULES,
  TIME_STYLES,
  WEEKDAY_STYLES,
  type Council,
  type PublicationSettings,
} from '../../../../shared/domain';
import { useSettingsStyles as useStyles } from './settingsStyles';

const BODY_FONTS = ['ＭＳ 明朝', '游明朝', 'BIZ UD明朝'];
const HEADING_FONTS = ['ＭＳ ゴシック', '游ゴシック', 'BIZ UDゴシック'];
const WEEKDAY_NAMES: Record<(typeof WEEKDAY_STYLES)[number], string> = {
  'paren-full': '（金）',
  'paren-half': '(金)',
  'paren-long': '（金曜日）',
};
const TIME_NAMES: Record<(typeof TIME_STYLES)[number], string> = {
  colon: '13:30～15:30',
  kanji: '13時30分～15時30分',
  gozen: '午後1時30分～3時30分',
};

export function PublicationEditor({ council }: { council: Council }) {
  const s = useStyles();
  const notify = useNotify();
  const p = council.publication;
  const save = (patch: Partial<PublicationSettings>) =>
    saveCouncil(council.id, { publication: { ...p, ...patch } }, '文書の表記を変更しました').catch((e) =>
      notify.error(e, '保存できませんでした'),
    );
  const sample = formatMeetingDateTime('2023-07-07', '13:30', '15:30', p);
  return (
    <Section title="文書の表記（公開版・出力文書）">
      <div className={s.stack}>
        <Field label="公開版での発言者の表記">
          <Dropdown
            value={SPEAKER_LABEL_NAMES[p.speakerLabel]}
            selectedOptions={[p.speakerLabel]}
            onOptionSelect={(_, d) => void save({ speakerLabel: d.optionValue as PublicationSettings['speakerLabel'] })}
          >
            {SPEAKER_LABEL_RULES.map((r) => (
              <Option key={r} value={r}>
                {SPEAKER_LABEL_NAMES[r]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="句読点">
          <RadioGroup
            layout="horizontal"
            value={p.punctuation}
            onChange={(_, d) => void save({ punctuation: d.value as PublicationSettings['punctuation'] })}
          >
            <Radio value="touten" label="、。（既定）" />
            <Radio value="comma" label="，。" />
          </RadioGroup>
        </Field>
        <Field
          label="数字の幅"
          hint={`例：${meetingOrdinal(2, p.digitWidth)}・${itemNumber(3, p.digitWidth === 'half' ? 'half' : 'full-single')}`}
        >
          <RadioGroup
            layout="horizontal"
            value={p.digitWidth}
            onChange={(_, d) => void save({ digitWidth: d.value as PublicationSettings['digitWidth'] })}
          >
            <Radio value="half" label="半角（既定）" />
            <Radio value="full-single" label="1桁は全角" />
          </RadioGroup>
        </Field>
        <Field label="曜日">
          <RadioGroup
            layout="horizontal"
            value={p.weekdayStyle}
            onChange={(_, d) => void save({ weekdayStyle: d.value as PublicationSettings['weekdayStyle'] })}
          >
            {WEEKDAY_STYLES.map((w) => (
              <Radio key={w} value={w} label={WEEKDAY_NAMES[w]} />
            ))}
          </RadioGroup>
        </Field>
        <Field label="時刻">
          <RadioGroup
            value={p.timeStyle}
            onChange={(_, d) => void save({ timeStyle: d.value as PublicationSettings['timeStyle'] })}
          >
            {TIME_STYLES.map((t) => (
              <Radio key={t} value={t} label={TIME_NAMES[t]} />
            ))}
          </RadioGroup>
        </Field>
        <Text>表記の例：{sample}</Text>
        <div className={s.form}>
          <Field label="本文のフォント">
            <Combobox
              freeform
              style={{ minWidth: 0 }}
              value={p.bodyFont}
              selectedOptions={[p.bodyFont]}
              onOptionSelect={(_, d) => d.optionText && void save({ bodyFont: d.optionText })}
              onBlur={(e) => {
                const v = (e.target as HTMLInputElement).value.trim();
                if (v && v !== p.bodyFont) void save({ bodyFont: v });
              }}
            >
              {BODY_FONTS.map((f) => (
                <Option key={f}>{f}</Option>
              ))}
            </Combobox>
          </Field>
          <Field label="見出しのフォント">
            <Combobox
              freeform
              style={{ minWidth: 0 }}
              value={p.headingFont}
              selectedOptions={[p.headingFont]}
              onOptionSelect={(_, d) => d.optionText && void save({ headingFont: d.optionText })}
              onBlur={(e) => {
                const v = (e.target as HTMLInputElement).value.trim();
                if (v && v !== p.headingFont) void save({ headingFont: v });
              }}
            >
              {HEADING_FONTS.map((f) => (
                <Option key={f}>{f}</Option>
              ))}
            </Combobox>
          </Field>
        </div>
      </div>
    </Section>
  );
}
