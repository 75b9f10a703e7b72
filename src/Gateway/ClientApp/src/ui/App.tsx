import { useEffect } from "preact/hooks";
import { router, segments } from "../chat/router";
import { totalUnread } from "../state/rooms";
import { useSelect } from "../state/store";
import { Admin } from "./admin/Admin";
import { useApp, useT } from "./context";
import { Conversation } from "./Conversation";
import { Directory } from "./Directory";
import { Discover } from "./Discover";
import { MemberProfile } from "./MemberProfile";
import { PinsPane } from "./PinsPane";
import { MessageSearch } from "./MessageSearch";
import { NetworkEvents } from "./NetworkEvents";
import { Opportunities } from "./Opportunities";
import { OpportunityDetails } from "./OpportunityDetails";
import { ProfileEdit } from "./ProfileEdit";
import { RoomDetails } from "./RoomDetails";
import { Sidebar } from "./Sidebar";
import { Surveys } from "./Surveys";
import { SignIn } from "./SignIn";
import { ThreadPane } from "./ThreadPane";
import { ConnectionBanner, Toasts } from "./Toasts";
import { Welcome } from "./Welcome";

/** The shell: sign-in, or three columns on a desktop and one at a time on a phone. */
export function App() {
  const t = useT();
  const started = useApp((s) => s.started);
  const me = useApp((s) => s.me);
  const networkName = useApp((s) => s.config.networkName);
  const unread = useApp((s) => totalUnread(Object.values(s.rooms)));
  const path = useSelect(router, (r) => r.path);

  useEffect(() => {
    document.title = unread > 0 ? `(${unread}) ${networkName}` : networkName;
  }, [unread, networkName]);

  if (!started) return <p class="loading">{t("app.loading")}</p>;
  if (!me) return (<><SignIn /><Toasts /></>);

  const [first, second, third, fourth] = segments(path);
  let main = <Welcome />;
  let details = null;
  let view: "list" | "main" | "details" = "list";
  if (first === "rooms" && second) {
    main = <Conversation key={second} roomId={second} />;
    view = "main";
    if (third === "details") {
      details = <RoomDetails roomId={second} />;
      view = "details";
    } else if (third === "thread" && Number(fourth) > 0) {
      details = <ThreadPane key={fourth} roomId={second} seq={Number(fourth)} />;
      view = "details";
    } else if (third === "pins") {
      details = <PinsPane roomId={second} />;
      view = "details";
    }
  } else if (first === "directory") {
    main = <Directory />;
    view = "main";
    if (second) {
      details = <MemberProfile key={second} memberId={second} />;
      view = "details";
    }
  } else if (first === "search") {
    main = <MessageSearch />;
    view = "main";
  } else if (first === "events") {
    main = <NetworkEvents />;
    view = "main";
  } else if (first === "opportunities") {
    main = <Opportunities />;
    view = "main";
    if (second) {
      details = <OpportunityDetails key={second} id={second} />;
      view = "details";
    }
  } else if (first === "discover") {
    main = <Discover />;
    view = "main";
  } else if (first === "surveys") {
    main = <Surveys />;
    view = "main";
  } else if (first === "profile") {
    main = <ProfileEdit />;
    view = "main";
  } else if (first === "admin" && me.role === "secretariat") {
    main = <Admin section={second ?? "invitations"} />;
    view = "main";
  }

  return (
    <div class={`shell view-${view}${details ? " has-details" : ""}`}>
      <a class="skip" href="#main">{t("composer.label")}</a>
      <ConnectionBanner />
      <Sidebar />
      <div class="main" id="main">{main}</div>
      {details && <aside class="details" aria-label={t("room.details")}>{details}</aside>}
      <Toasts />
    </div>
  );
}
