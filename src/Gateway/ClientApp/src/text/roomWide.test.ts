import { describe, expect, it } from "vitest";
import type { Member, Room } from "../api/types";
import { completeRoomWide, mayMentionRoom } from "./roomWide";

const me = (role: Member["role"]) => ({ id: "m_me", role }) as Member;
const room = (kind: Room["kind"], memberCount: number, myRole: Room["myRole"]) => ({ id: "r_1", kind, memberCount, myRole }) as Room;

describe("@all and @here", () => {
  it("are open to any member of a room of 20, and past that to its owner, moderators and the secretariat", () => {
    expect(mayMentionRoom(room("room", 20, "member"), me("alumnus"))).toBe(true);
    expect(mayMentionRoom(room("room", 21, "member"), me("alumnus"))).toBe(false);
    expect(mayMentionRoom(room("room", 21, "owner"), me("alumnus"))).toBe(true);
    expect(mayMentionRoom(room("meetup", 300, "moderator"), me("alumnus"))).toBe(true);
    expect(mayMentionRoom(room("room", 300, "member"), me("secretariat"))).toBe(true);
    expect(mayMentionRoom(room("room", 5, null), me("alumnus"))).toBe(false);
  });

  it("are the secretariat's alone in the broadcast channel", () => {
    expect(mayMentionRoom(room("broadcast", 3, "member"), me("secretariat"))).toBe(true);
    expect(mayMentionRoom(room("broadcast", 3, "member"), me("supporter"))).toBe(false);
  });

  it("complete from what was typed after the @", () => {
    expect(completeRoomWide("")).toEqual(["all", "here"]);
    expect(completeRoomWide("ａ")).toEqual(["all"]);
    expect(completeRoomWide("he")).toEqual(["here"]);
    expect(completeRoomWide("hanako")).toEqual([]);
  });
});
