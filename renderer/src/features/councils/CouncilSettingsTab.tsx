/**
 * 設定: the council's basics, its fields (add, rename, reorder, merge), the quorum rule,
 * how documents are written (publication settings), the progress review's grades, and archiving.
 * A 閲覧のみ member sees them all with every control disabled (the Word templates' starters, the
 * guide and the minutes style file still download) and no undo bar.
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
import { ReadOnlyArea, ReadOnlyNotice, useCouncilAccess } from '../sync';

export function CouncilSettingsTab({ council }: CouncilTabProps) {
  const s = useStyles();
  const notify = useNotify();
  const memberCount = useMemberCount(council.id);
  const { readOnly } = useCouncilAccess(council.id);
  return (
    <>
      <ReadOnlyNotice readOnly={readOnly} what="設定" />
      <div className={s.cols}>
        {readOnly ? null : <UndoBar scope={settingsScope(council.id)} />}
        <ReadOnlyArea readOnly={readOnly}>
          <div>
            <BasicsForm council={council} />
            <FieldsEditor council={council} />
          </div>
        </ReadOnlyArea>
        <div>
          <ReadOnlyArea readOnly={readOnly}>
            <QuorumEditor council={council} memberCount={memberCount} />
            <PublicationEditor council={council} />
          </ReadOnlyArea>
          <TemplatesSection council={council} readOnly={readOnly} />
          <ReadOnlyArea readOnly={readOnly}>
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
          </ReadOnlyArea>
        </div>
        <div className={s.wide}>
          <MinutesStyleEditor key={council.id} council={council} readOnly={readOnly} />
        </div>
      </div>
    </>
  );
}
