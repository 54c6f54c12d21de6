/** Channel handlers of the city's own Word templates. */
import { attachmentsDir, type ServiceContext } from '../../core/context';
import type { Handler } from '../../core/dispatch';
import type { templatesChannels, TemplateExportArgs } from '../../../shared/contract/templates';
import { minutesFileName } from '../../../shared/minutes/model';
import { MINUTES_KIND_MODE, type TemplateKind } from '../../../shared/templates/tags';
import { DOCX_FILTER, saveDocument } from '../save-document';
import { checkMinutesRecords } from '../minutes/handlers';
import { agendaFileName } from '../councils/agenda-docx';
import { templateData, type TemplateSource } from './data';
import { fillTemplate } from './fill';
import { buildTemplateGuide, GUIDE_FILE_NAME } from './guide';
import { buildStarterTemplate, starterFileName } from './starter';
import { TemplateStore } from './store';

type TemplatesHandlers = { [C in keyof typeof templatesChannels]: Handler<C> };

/** 第2回_会議録_公開版_テンプレート.docx — the built-in export's name with _テンプレート. */
export function templateOutputName(args: TemplateExportArgs): string {
  const suffix = (name: string) => name.replace(/\.docx$/, '_テンプレート.docx');
  switch (args.kind) {
    case 'agenda':
      return suffix(agendaFileName(args.meeting));
    case 'responses':
      return `意見対応表（${args.publication ? '公開版' : '内部用'}）_テンプレート.docx`;
    default:
      return suffix(minutesFileName(args.meeting, MINUTES_KIND_MODE[args.kind]));
  }
}

/** The records of an export as the source of the data (the minutes records checked as the built-in export does). */
export function exportSource(args: TemplateExportArgs): TemplateSource {
  switch (args.kind) {
    case 'agenda':
      return { kind: 'agenda', council: args.council, meeting: args.meeting };
    case 'responses':
      return { kind: 'responses', data: args.data, publication: args.publication };
    default: {
      const { kind, storedName: _s, ...input } = args;
      void _s;
      checkMinutesRecords({ ...input, mode: MINUTES_KIND_MODE[kind] });
      return { kind, input };
    }
  }
}

/** Fills `template` (bytes) for the export; the 公開版 data is redacted before the fill. */
export async function fillForExport(template: Uint8Array, args: TemplateExportArgs): Promise<Uint8Array> {
  const { data, hidden, allowed } = templateData(exportSource(args));
  return fillTemplate(args.kind as TemplateKind, template, data, hidden, allowed);
}

export function templatesHandlers(ctx: ServiceContext): TemplatesHandlers {
  const store = new TemplateStore(attachmentsDir(ctx));
  return {
    'template:upload:docx': ({ kind, fileName, base64, replaces }) =>
      store.upload({ kind, fileName, bytes: Buffer.from(base64, 'base64'), replaces }),
    'template:list:files': ({ templates }) => store.list(templates),
    'template:remove:file': async ({ storedName }) => {
      await store.remove(storedName);
      return {};
    },
    'template:export:starter': async ({ kind, council }) =>
      saveDocument(ctx, {
        fileName: starterFileName(kind),
        filter: DOCX_FILTER,
        data: await buildStarterTemplate(kind, council),
      }),
    'template:export:guide': async () =>
      saveDocument(ctx, { fileName: GUIDE_FILE_NAME, filter: DOCX_FILTER, data: await buildTemplateGuide() }),
    'template:export:document': async (args) => {
      const data = await fillForExport(await store.read(args.storedName), args);
      return saveDocument(ctx, {
        fileName: templateOutputName(args),
        filter: DOCX_FILTER,
        data,
        council: 'council' in args ? args.council : args.data.council,
      });
    },
  };
}
