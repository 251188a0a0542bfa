import { type FakeFile, filetype, UPLOAD_BYTES_LIMIT } from "./fake-slack-file-store";
import type { SlackState } from "./fake-slack-state";
import { type Handler, jsonArray, type MethodArgs, SlackError } from "./fake-slack-wire";
import { slackFileOfImage } from "./slack-file-urls";

/**
 * Files as Slack's upload flow (files.uploadV2 in @slack/web-api) makes them:
 *   1. files.getUploadURLExternal { filename, length, alt_text? } → { upload_url, file_id }
 *   2. POST the bytes to upload_url (multipart, field "body", or the raw bytes) → 200
 *   3. files.completeUploadExternal { files: [{ id, title }], channel_id?, thread_ts?, initial_comment?, blocks? }
 *      → { files }; with a channel Slack also posts the file there as a message
 * and files.info { file }. The files and their bytes are kept by fake-slack-file-store.ts.
 */

/** A file as the Web API returns it (files.info, files.completeUploadExternal, a message's files). */
export function slackFile(state: SlackState, file: FakeFile): Record<string, unknown> {
  const { team } = state.directory;
  const urlPrivate = state.files.urlPrivate(file, team.id);
  return {
    id: file.id,
    created: file.created,
    timestamp: file.created,
    name: file.name,
    title: file.title,
    mimetype: file.mimetype,
    filetype: filetype(file.mimetype),
    pretty_type: filetype(file.mimetype).toUpperCase(),
    user: file.user,
    user_team: team.id,
    editable: false,
    size: file.bytes?.length ?? 0,
    mode: "hosted",
    is_external: false,
    is_public: file.channels.length > 0,
    public_url_shared: false,
    display_as_bot: false,
    ...(file.altText !== undefined && { alt_txt: file.altText }),
    url_private: urlPrivate,
    url_private_download: `${urlPrivate}?download=1`,
    permalink: `https://${team.domain}.slack.com/files/${file.user}/${file.id}/${encodeURIComponent(file.name)}`,
    channels: file.channels.filter((id) => id.startsWith("C")),
    groups: file.channels.filter((id) => id.startsWith("G")),
    ims: file.channels.filter((id) => id.startsWith("D")),
    has_rich_preview: false,
    file_access: "visible",
  };
}

/**
 * Slack refuses a message whose image block names a file it does not have (or not yet: an upload
 * not completed), with invalid_blocks; the app has to upload before it posts.
 */
export function checkImageFiles(state: SlackState, blocks: unknown[]): void {
  for (const image of imagesOf(blocks)) {
    if (typeof image.slack_file !== "object" || image.slack_file === null) continue;
    const id = slackFileOfImage(image);
    if (!id || !state.files.get(id)?.completed) throw new SlackError("invalid_blocks");
  }
}

function imagesOf(blocks: unknown[]): Record<string, unknown>[] {
  const images: Record<string, unknown>[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== "object" || value === null) return;
    const record = value as Record<string, unknown>;
    if (record.type === "image") images.push(record);
    for (const key of ["accessory", "elements"]) if (key in record) visit(record[key]);
  };
  visit(blocks);
  return images;
}

function fileList(value: unknown): { id: string; title?: string | undefined }[] {
  const entries = jsonArray(value);
  if (entries.length === 0) throw new SlackError("invalid_arguments");
  return entries.map((entry) => {
    const { id, title } = (entry ?? {}) as { id?: unknown; title?: unknown };
    if (typeof id !== "string") throw new SlackError("invalid_arguments");
    return { id, title: typeof title === "string" && title !== "" ? title : undefined };
  });
}

export function filesMethods(state: SlackState): Record<string, Handler> {
  const bot = state.directory.botUserId;
  return {
    "files.getUploadURLExternal": (args) => {
      const name = String(args.filename ?? "");
      const length = Number(args.length);
      if (name === "" || !Number.isInteger(length) || length <= 0) throw new SlackError("invalid_arguments");
      if (length > UPLOAD_BYTES_LIMIT) throw new SlackError("file_too_large");
      const altText = typeof args.alt_text === "string" && args.alt_text !== "" ? args.alt_text : undefined;
      const { file, uploadUrl } = state.files.reserve({ name, length, altText, user: bot });
      return { upload_url: uploadUrl, file_id: file.id };
    },
    "files.completeUploadExternal": (args) => completeUpload(state, args),
    "files.info": (args) => {
      const file = state.files.get(String(args.file ?? ""));
      if (!file?.completed) throw new SlackError("file_not_found");
      return { file: slackFile(state, file), comments: [], response_metadata: { next_cursor: "" } };
    },
  };
}

function completeUpload(state: SlackState, args: MethodArgs) {
  const entries = fileList(args.files);
  const files = entries.map(({ id, title }) => {
    const file = state.files.get(id);
    // Slack does not know a file whose bytes never arrived.
    if (!file?.bytes) throw new SlackError("file_not_found");
    return { file, title };
  });
  const target = args.channel_id ?? args.channels;
  const channel = target ? state.resolveChannel(String(target)) : undefined;
  const threadTs = args.thread_ts ? String(args.thread_ts) : undefined;
  if (channel && threadTs && !state.findMessage(channel, threadTs)) throw new SlackError("thread_not_found");
  const blocks = jsonArray(args.blocks);
  for (const { file, title } of files) {
    file.completed = true;
    if (title) file.title = title;
    if (channel && !file.channels.includes(channel)) file.channels.push(channel);
  }
  if (channel) {
    // The file's message, as Slack shares it: the comment (or blocks) above the files.
    state.addMessage({
      channel,
      user: state.directory.botUserId,
      botId: state.directory.botId,
      text: String(args.initial_comment ?? ""),
      blocks,
      threadTs,
      files: files.map(({ file }) => file.id),
    });
  }
  return { files: files.map(({ file }) => ({ id: file.id, title: file.title })) };
}
