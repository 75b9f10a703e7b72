// The client contract's shapes (camelCase JSON, UTC ISO-8601 times, opaque ids).

export type Role = "alumnus" | "employee" | "supporter" | "secretariat";

export interface Member {
  id: string;
  handle: string;
  displayName: string;
  role: Role;
  /** Null when the member keeps it from this viewer. */
  headline: string | null;
  bio: string;
  /** Null when the member keeps it from this viewer. */
  currentCompany: string | null;
  formerDepartments: string[];
  tags: string[];
  status: string;
  joinedAt: string;
  online: boolean;
  /** Shown only to the member themselves and to the secretariat. */
  privacy?: Privacy;
  /** The account was deleted: the profile is erased; show 「退会したメンバー」 / "Former member". */
  former?: boolean;
  /** What the member is open to; null when they keep it from this viewer. */
  openTo?: OpenTo[] | null;
}

export const OPEN_TO = ["comeback", "projects", "side-work", "mentoring", "speaking"] as const;
export type OpenTo = (typeof OPEN_TO)[number];

/** Who sees a member's headline and company. */
export type FieldAudience = "everyone" | "room-mates" | "nobody";

/** What the directory shows of a member to others. */
export interface Privacy {
  fieldsVisibleTo: FieldAudience;
  listed: boolean;
}

export interface Reaction {
  key: string;
  count: number;
  me: boolean;
}

export interface Message {
  roomId: string;
  seq: number;
  senderId: string;
  clientMsgId: string;
  text: string | null;
  stampId: string | null;
  replyToSeq: number | null;
  mentions: string[];
  sentAt: string;
  editedAt: string | null;
  deleted: boolean;
  reactions: Reaction[];
  /** Replies in this message's thread (0 without), and when the latest came. */
  replyCount?: number;
  lastReplyAt?: string | null;
}

export type RoomKind = "room" | "dm" | "broadcast" | "meetup";

export interface Room {
  id: string;
  kind: RoomKind;
  name: string;
  topic: string;
  visibility: "public" | "private";
  createdBy: string;
  createdAt: string;
  memberCount: number;
  lastSeq: number;
  readSeq: number;
  unreadCount: number;
  lastMessage: Message | null;
  myRole: "owner" | "moderator" | "member" | null;
  /** The member muted the room's notifications (@all, @here, and the client's own notifications of it). */
  notificationsMuted?: boolean;
  /** When a timed mute ends; null when not muted or muted until unmuted. */
  notificationsMutedUntil?: string | null;
  /** The notice shown at the top of a talk room or meetup room (LINE's アナウンス). */
  notice?: RoomNotice | null;
}

export interface RoomNotice {
  text: string;
  setBy: string;
  setAt: string;
}

/** A thread: its first message (a tombstone when deleted) and a page of replies, oldest first. */
export interface ThreadPage {
  root: Message;
  items: Message[];
  nextCursor: string | null;
}

export interface PinnedMessage {
  message: Message;
  pinnedBy: string;
  pinnedAt: string;
}

export interface RoomMember {
  member: Member;
  role: string;
  readSeq?: number | null;
}

export interface Stamp {
  id: string;
  label: string;
  imageUrl: string;
}

export interface StampPack {
  id: string;
  name: string;
  stamps: Stamp[];
}

export interface Meetup {
  id: string;
  roomId: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  location: string;
  rsvps: { memberId: string; response: "going" | "maybe" | "declined" }[];
  /** The IANA zone its wall-clock time is in; a series keeps that time across daylight-saving changes. */
  timeZone?: string;
  /** The first date's wall-clock time in {@link timeZone}: 2030-02-08T12:00. */
  localStart?: string;
  repeat?: MeetupRepeat | null;
  /** Local dates of a series that do not take place. */
  exceptions?: string[];
  /** A series' next starts (UTC). */
  occurrences?: string[];
}

export type Weekday = "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday";

export interface MeetupRepeat {
  frequency: "weekly" | "monthly";
  interval?: number;
  weekdays?: Weekday[];
  /** 1–4, or -1 for the last. */
  weekOfMonth?: number | null;
  dayOfMonth?: number | null;
  until?: string | null;
  count?: number | null;
}

export interface Invitation {
  code: string;
  role: Role;
  expiresAt: string;
  usedBy: string | null;
  note: string | null;
  revokedAt: string | null;
}

export interface Report {
  id: string;
  roomId: string;
  seq: number;
  reporterId: string;
  reason: string;
  createdAt: string;
  message: Message | null;
  resolution: ReportResolution | null;
}

export interface ReportResolution {
  outcome: "actioned" | "dismissed";
  note: string | null;
  resolvedBy: string;
  resolvedAt: string;
}

/** One of the member's own sessions (a sign-in on some device); tokens are never shown. */
export interface Session {
  id: string;
  device: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
}

export const auditActions = [
  "invitations.created", "invitation.revoked", "member.suspended", "member.unsuspended", "member.deleted", "member.role_granted",
  "room.member_removed", "room.member_muted", "message.deleted", "report.resolved", "stamp_pack.added", "stamp_pack.removed",
] as const;

export type AuditAction = (typeof auditActions)[number];

/** An entry of the secretariat's audit log: who (null for the server's own configuration), what, to what, when. */
export interface AuditEntry {
  id: number;
  at: string;
  action: AuditAction;
  actorId: string | null;
  actorHandle: string | null;
  roomId: string | null;
  targetId: string | null;
  detail: Record<string, unknown>;
}

export interface AuditPage {
  items: AuditEntry[];
  nextBefore: number | null;
}

export interface NetworkStats {
  members: number;
  active: { day: number; week: number; month: number };
  posters: { month: number };
  messages: { day: number; week: number; month: number };
  topRooms: { roomId: string; name: string; messages: number }[];
  opportunities: { posted: number; open: number; interested: number; contacted: number } | null;
  events: { held: number; going: number; attended: number } | null;
}

export interface BroadcastReach {
  members: number;
  read: number;
  reacted: number;
}

export interface ClientConfig {
  networkName: string;
  accentColor: string | null;
  /** Whether members other than the secretariat may post opportunities. */
  membersPostOpportunities: boolean;
}

// Hub event payloads.
export interface ReactionEvent {
  roomId: string;
  seq: number;
  key: string;
  memberId: string;
  added: boolean;
  count: number;
}
export interface ReadEvent {
  roomId: string;
  memberId: string;
  seq: number;
}
export interface TypingEvent {
  roomId: string;
  memberId: string;
}
export interface PresenceEvent {
  memberId: string;
  online: boolean;
}
export interface MembershipEvent {
  roomId: string;
  memberId: string;
  joined: boolean;
}
export interface MentionEvent {
  roomId: string;
  seq: number;
  by: string;
  /** `member` for an @handle, `all` or `here` for a room-wide mention. */
  scope?: "member" | "all" | "here";
}
export interface ThreadUpdatedEvent {
  roomId: string;
  seq: number;
  replyCount: number;
  lastReplyAt: string | null;
}
export interface PinnedEvent {
  roomId: string;
  seq: number;
  pinnedBy: string;
  pinnedAt: string;
}
export interface MeetupReminderEvent {
  roomId: string;
  meetupId: string;
  title: string;
  startsAt: string;
}

export type OpportunityKind = "job" | "project" | "side-work";

/** A member's "interested" in an opportunity; the note is for the poster and the secretariat. */
export interface Interest {
  memberId: string;
  note: string;
  at: string;
  contactedAt: string | null;
  dmRoomId: string | null;
}

/** A job opening, project or side work posted to the network. */
export interface Opportunity {
  id: string;
  kind: OpportunityKind;
  title: string;
  location: string;
  remote: boolean;
  description: string;
  contact: string;
  closesAt: string | null;
  postedBy: string;
  postedAt: string;
  closedAt: string | null;
  status: "open" | "closed";
  interestCount: number;
  announcedSeq: number | null;
  myInterest: Interest | null;
}

/** A member's e-mail settings (GET/PATCH /api/me/mail); mailOn: whether the server sends e-mail at all. */
export interface MailSettings {
  address: string | null;
  digests: boolean;
  broadcastMail: boolean;
  language: "ja" | "en" | null;
  mailOn: boolean;
}

/** POST /api/admin/broadcasts/{seq}/email. */
export interface BroadcastMail {
  seq: number;
  recipients: number;
  queued: number;
}

/** A poll in a room, shown at its message's seq; `voters` only in a named poll, `myChoices` only in answers to me. */
export interface Poll {
  id: string;
  roomId: string;
  seq: number;
  createdBy: string;
  question: string;
  options: { text: string; count: number; voters?: string[] }[];
  multiple: boolean;
  anonymous: boolean;
  closesAt: string | null;
  closed: boolean;
  closedAt: string | null;
  voterCount: number;
  myChoices?: number[];
}

export type SurveyQuestionKind = "single" | "multiple" | "text";

export interface SurveyQuestion {
  kind: SurveyQuestionKind;
  text: string;
  options: string[];
}

export interface SurveyAnswer {
  choices?: number[] | null;
  text?: string | null;
}

export type SurveyStatus = "draft" | "open" | "closed";

/** A survey as a member it is for sees it. */
export interface MemberSurvey {
  id: string;
  title: string;
  description: string;
  questions: SurveyQuestion[];
  anonymous: boolean;
  status: SurveyStatus;
  openedAt: string | null;
  closedAt: string | null;
  answered: boolean;
  myAnswers?: SurveyAnswer[];
}

/** A survey as the secretariat sees it, with its response rate. */
export interface AdminSurvey {
  id: string;
  title: string;
  description: string;
  questions: SurveyQuestion[];
  tags: string[];
  anonymous: boolean;
  status: SurveyStatus;
  createdAt: string;
  openedAt: string | null;
  closedAt: string | null;
  targeted: number;
  answered: number;
}

export type EventRsvpStatus = "going" | "waitlisted" | "declined";

/** A reunion or seminar of the whole network, as a member sees it. */
export interface NetworkEvent {
  id: string;
  title: string;
  description: string;
  location: string;
  startsAt: string;
  durationMinutes: number;
  capacity: number | null;
  invitedTags: string[];
  roomId: string;
  going: number;
  waitlisted: number;
  myStatus: EventRsvpStatus | null;
  myWaitlistPosition: number | null;
}

/** For the secretariat: who is going, waiting (in order), declined and attended. */
export interface EventAttendees {
  going: string[];
  waitlisted: string[];
  declined: string[];
  attended: string[];
}
