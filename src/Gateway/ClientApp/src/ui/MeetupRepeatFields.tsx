import { useState } from "preact/hooks";
import { browserTimeZone, type RepeatChoice } from "../state/meetupRepeat";
import { useT } from "./context";
import { Field } from "./Field";

/** Zones offered first; any IANA zone may be typed. */
const commonZones = ["Asia/Tokyo", "Asia/Singapore", "Asia/Shanghai", "Europe/London", "Europe/Paris", "America/New_York", "America/Los_Angeles", "UTC"];

/** In the planning form: whether the meetup repeats (weekly, or monthly on the same weekday of the month) and in which time zone. */
export function MeetupRepeatFields() {
  const t = useT();
  const [repeat, setRepeat] = useState<RepeatChoice>("none");
  return (
    <>
      <div class="field">
        <label for="meetup-repeat">{t("meetups.repeat")}</label>
        <select id="meetup-repeat" name="repeat" value={repeat} onChange={(e) => setRepeat((e.currentTarget as HTMLSelectElement).value as RepeatChoice)}>
          {(["none", "weekly", "monthly"] as const).map((r) => <option key={r} value={r}>{t(`meetups.repeat.${r}`)}</option>)}
        </select>
      </div>
      {repeat !== "none" && (
        <>
          <Field label={t("meetups.timeZone")} name="timeZone" defaultValue={browserTimeZone()} list="meetup-zones" required maxLength={64}
            hint={t("meetups.timeZoneHint")} />
          <datalist id="meetup-zones">{commonZones.map((z) => <option key={z} value={z} />)}</datalist>
        </>
      )}
    </>
  );
}
