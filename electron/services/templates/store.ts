/**
 * Registered templates live among the council's attachments (<dataDir>/attachments/<uuid>.docx,
 * the same folder, names and checks as attachments.ts), so they travel with the attachments.
 * A template is written only after it has been filled with the sample meeting without a problem.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { AppError } from '../../../shared/errors';
import type { CouncilTemplate } from '../../../shared/templates/schema';
import { TEMPLATE_KIND_LABELS, type TemplateKind } from '../../../shared/templates/tags';
import { attachmentPath, AttachmentStore } from '../councils/attachments';
import { writeFileAtomic } from '../files';
import { fillTemplate } from './fill';
import { sampleData } from './data';

export class TemplateStore {
  private readonly attachments: AttachmentStore;
  constructor(private readonly dir: string) {
    this.attachments = new AttachmentStore(dir);
  }

  /** Tries the template with the sample meeting; throws the problems, or stores it. */
  async upload(arg: {
    kind: TemplateKind;
    fileName: string;
    bytes: Uint8Array;
    replaces: string | null;
    now?: string;
  }): Promise<CouncilTemplate> {
    if (!/\.docx$/i.test(arg.fileName.normalize('NFKC')))
      throw new AppError(
        'INVALID_FILE',
        'テンプレートは Word 文書（.docx）を選んでください。.doc や .dotx は Word で .docx として保存し直してください。',
      );
    const { data, hidden, allowed } = sampleData(arg.kind);
    await fillTemplate(arg.kind, arg.bytes, data, hidden, allowed);
    const storedName = `${randomUUID()}.docx`;
    await fs.mkdir(this.dir, { recursive: true });
    await writeFileAtomic(attachmentPath(this.dir, storedName), arg.bytes);
    if (arg.replaces) await this.attachments.remove(arg.replaces);
    return {
      kind: arg.kind,
      storedName,
      originalName: arg.fileName,
      size: arg.bytes.byteLength,
      uploadedAt: arg.now ?? new Date().toISOString(),
    };
  }

  async read(storedName: string): Promise<Uint8Array> {
    const full = await this.attachments.existing(storedName).catch(() => {
      throw new AppError(
        'NOT_FOUND',
        '登録したテンプレートのファイルが見つかりません。データフォルダから削除された可能性があります。もう一度登録してください。',
      );
    });
    return new Uint8Array(await fs.readFile(full));
  }

  async list(templates: CouncilTemplate[]) {
    return Promise.all(
      templates.map(async (t) => ({
        ...t,
        kindLabel: TEMPLATE_KIND_LABELS[t.kind],
        present: await fs
          .access(attachmentPath(this.dir, t.storedName))
          .then(() => true)
          .catch(() => false),
      })),
    );
  }

  remove(storedName: string): Promise<void> {
    return this.attachments.remove(storedName);
  }
}
