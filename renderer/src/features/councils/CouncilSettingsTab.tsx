/**
 * 設定: the council's basics, its fields (add, rename, reorder, merge), the quorum rule,
 * how documents are written (publication settings), the progress review's grades, and archiving.
 */
import { Switch } from '@fluentui/react-components';
import { saveCouncil, settingsScope, useMemberCount } from './data';
import { UndoBar } from '../../ui/UndoBar';
import { useNotify } from '../../app/notify';
import { Section } from '../../ui/Section';
import type { CouncilTabProps } from '../../app/councilTabs';
import { useSettingsStyles as useStyles } from './settingsStyles';
import { BasicsForm } from './BasicsForm';
import { FieldsEditor } from './FieldsEditor';
import { QuorumEditor } from './QuorumEditor';
import { PublicationEditor } from './PublicationEditor';
import { TemplatesSection } from './TemplatesSection';
import { EvaluationScaleEditor } from './EvaluationScaleEditor';
import { MinutesStyleEditor } from './MinutesStyleEditor';

export function CouncilSettingsTab({ council }: CouncilTabProps) {
  const s = useStyles();
  const notify = useNotify();
  const memberCount = useMemberCount(council.id);
  return (
    <div className={s.cols}>
      <UndoBar scope={settingsScope(council.id)} />
      <div>
        <BasicsForm council={council} />
        <FieldsEditor council={council} />
      </div>
      <div>
        <QuorumEditor council={council} memberCount={memberCount} />
        <PublicationEditor council={council} />
        <TemplatesSection council={council} />
        <EvaluationScaleEditor key={council.id} council={council} />
        <Section title="アーカイブ">
          <Switch
            checked={council.archived}
            label={
              council.archived
                ? 'アーカイブ済み（一覧で「アーカイブ」と表示されます）'
                : '任期が終わった審議会はアーカイブできます'
            }
            onChange={(_, d) =>
              void saveCouncil(
                council.id,
                { archived: d.checked },
                d.checked ? 'アーカイブしました' : 'アーカイブを解除しました',
              ).catch((e) => notify.error(e, '保存できませんでした'))
            }
          />
        </Section>
      </div>
      <div className={s.wide}>
        <MinutesStyleEditor key={council.id} council={council} />
      </div>
    </div>
  );
}
