import type { StampPack } from "../../api/types";
import { useApp, useChat, useT } from "../context";
import { Field } from "../Field";
import { StampPicker } from "../StampPicker";

/** A new stamp pack from image files (labels from the file names); a pack taken out of the picker. */
export function StampUpload() {
  const chat = useChat();
  const t = useT();
  const packs = useApp((s) => s.stamps);

  async function remove(pack: StampPack) {
    if (!window.confirm(t("admin.confirmRemovePack", { name: pack.name }))) return;
    try {
      await chat.http.delete(`/api/admin/stamp-packs/${encodeURIComponent(pack.id)}`);
      chat.toast(t("admin.packRemoved"));
      await chat.history.loadStamps();
    } catch (error) {
      chat.toastError(error);
    }
  }

  async function upload(e: Event) {
    e.preventDefault();
    const formElement = e.currentTarget as HTMLFormElement;
    try {
      await chat.http.post("/api/admin/stamp-packs", new FormData(formElement));
      formElement.reset();
      chat.toast(t("admin.packUploaded"));
      await chat.history.loadStamps();
    } catch (error) {
      chat.toastError(error);
    }
  }

  return (
    <div class="stack">
      <form onSubmit={upload} class="stack" encType="multipart/form-data">
        <Field label={t("admin.packName")} name="name" required maxLength={80} />
        <Field label={t("admin.packFiles")} name="files" type="file" multiple required accept="image/png,image/webp,image/svg+xml" />
        <button type="submit" class="primary">{t("admin.packUpload")}</button>
      </form>
      <ul class="packs">
        {packs.map((pack) => (
          <li key={pack.id}>
            <span>{pack.name}</span>
            <button type="button" class="danger" onClick={() => void remove(pack)} aria-label={`${t("admin.removePack")}: ${pack.name}`}>{t("admin.removePack")}</button>
          </li>
        ))}
      </ul>
      <StampPicker onPick={() => {}} />
    </div>
  );
}
