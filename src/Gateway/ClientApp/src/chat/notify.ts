/** Browser notifications, shown only while the tab is hidden and only once the member allowed them. */
export function canNotify(): boolean {
  return typeof Notification !== "undefined";
}

export async function askToNotify(): Promise<boolean> {
  if (!canNotify()) return false;
  if (Notification.permission === "granted") return true;
  return (await Notification.requestPermission()) === "granted";
}

/** Whether a notification would show now: allowed, and the tab hidden. */
export function wouldNotify(): boolean {
  return canNotify() && Notification.permission === "granted" && document.visibilityState !== "visible";
}

export function notifyIfHidden(title: string, body: string, tag: string, onClick: () => void): void {
  if (!wouldNotify()) return;
  const notification = new Notification(title, { body, tag });
  notification.onclick = () => {
    window.focus();
    onClick();
    notification.close();
  };
}
