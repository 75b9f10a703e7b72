import { useChat, useT } from "../context";
import { Field } from "../Field";
import { StampPicker } from "../StampPicker";

/** A new stamp pack from image files (labels from the file names). */
export function StampUpload() {
  const chat = useChat();
  const t = useT();

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
      <StampPicker onPick={() => {}} />
    </div>
  );
}
