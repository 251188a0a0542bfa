import { randomBytes } from "node:crypto";

/**
 * The fake Slack's uploaded files and their bytes, in memory, the last FILE_LIMIT of them: the
 * sandbox page shows charts, not an archive. Nothing of it survives a restart. The Web API
 * methods that fill it are fake-slack-files.ts.
 */

export const FILE_LIMIT = 200;
/** More than a chart ever is; the fake refuses bigger bodies rather than hold them. */
export const UPLOAD_BYTES_LIMIT = 20 * 1024 * 1024;

export interface FakeFile {
  id: string;
  name: string;
  title: string;
  altText: string | undefined;
  user: string;
  created: number;
  /** The length files.getUploadURLExternal was told. */
  declaredLength: number;
  /** Undefined until the bytes were posted to the upload URL. */
  bytes: Buffer | undefined;
  mimetype: string;
  /** Set by files.completeUploadExternal; before that Slack does not know the file. */
  completed: boolean;
  channels: string[];
}

/** What the bytes are, from their first bytes, never from the name: only these show inline. */
export function sniffMimetype(bytes: Buffer): string {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes.subarray(0, 4).toString("latin1") === "GIF8") return "image/gif";
  if (bytes.subarray(0, 4).toString("latin1") === "RIFF" && bytes.subarray(8, 12).toString("latin1") === "WEBP")
    return "image/webp";
  return "application/octet-stream";
}

export function filetype(mimetype: string): string {
  return { "image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp" }[mimetype] ?? "binary";
}

export class FakeFiles {
  /** Oldest first (a Map keeps insertion order), so the first entry is the one to drop. */
  private readonly files = new Map<string, FakeFile>();
  private readonly uploadKeys = new Map<string, string>();

  constructor(
    private readonly nextSequence: () => number,
    /** The fake's base URL, known once its server listens. */
    private readonly baseUrl: () => string,
  ) {}

  get(id: string): FakeFile | undefined {
    return this.files.get(id);
  }

  /** Completed files, oldest first. */
  list(): FakeFile[] {
    return [...this.files.values()].filter((file) => file.completed);
  }

  reserve(input: { name: string; length: number; altText: string | undefined; user: string }): {
    file: FakeFile;
    uploadUrl: string;
  } {
    const id = `F${String(this.nextSequence()).padStart(9, "0")}`;
    const file: FakeFile = {
      id,
      name: input.name,
      title: input.name,
      altText: input.altText,
      user: input.user,
      created: Math.floor(Date.now() / 1000),
      declaredLength: input.length,
      bytes: undefined,
      mimetype: "application/octet-stream",
      completed: false,
      channels: [],
    };
    this.files.set(id, file);
    const key = randomBytes(12).toString("hex");
    this.uploadKeys.set(key, id);
    this.evict();
    return { file, uploadUrl: `${this.baseUrl()}/upload/v1/${key}` };
  }

  /** The bytes posted to an upload URL; false when the URL is unknown, used or its file dropped. */
  receive(key: string, bytes: Buffer): boolean {
    const file = this.files.get(this.uploadKeys.get(key) ?? "");
    this.uploadKeys.delete(key);
    if (!file || file.bytes) return false;
    file.bytes = bytes;
    file.mimetype = sniffMimetype(bytes);
    return true;
  }

  private evict(): void {
    while (this.files.size > FILE_LIMIT) {
      const oldest = this.files.keys().next().value as string;
      this.files.delete(oldest);
      for (const [key, id] of this.uploadKeys) if (id === oldest) this.uploadKeys.delete(key);
    }
  }

  urlPrivate(file: FakeFile, teamId: string): string {
    return `${this.baseUrl()}/files-pri/${teamId}-${file.id}/${encodeURIComponent(file.name)}`;
  }
}
