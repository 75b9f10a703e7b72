namespace Community.Silo.Storage.Sqlite;

/// <summary>The SQLite schema, one migration per entry, applied in order and never edited once shipped.</summary>
internal static class SqliteSchema
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE members (
            id TEXT PRIMARY KEY,
            handle TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL,
            headline TEXT NOT NULL DEFAULT '',
            bio TEXT NOT NULL DEFAULT '',
            current_company TEXT NOT NULL DEFAULT '',
            former_departments TEXT NOT NULL DEFAULT '[]',
            tags TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL DEFAULT '',
            joined_at INTEGER NOT NULL,
            password_hash TEXT NOT NULL,
            suspended INTEGER NOT NULL DEFAULT 0,
            search_text TEXT NOT NULL,
            version INTEGER NOT NULL
        );
        CREATE TABLE invitations (
            code TEXT PRIMARY KEY,
            role TEXT NOT NULL,
            expires_at INTEGER NOT NULL,
            used_by TEXT REFERENCES members(id),
            used_at INTEGER,
            note TEXT,
            created_by TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE TABLE tokens (
            token_hash TEXT PRIMARY KEY,
            member_id TEXT NOT NULL REFERENCES members(id),
            created_at INTEGER NOT NULL,
            revoked_at INTEGER
        );
        CREATE INDEX tokens_member ON tokens(member_id);
        CREATE TABLE rooms (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            topic TEXT NOT NULL,
            visibility TEXT NOT NULL,
            created_by TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            last_seq INTEGER NOT NULL DEFAULT 0,
            last_activity INTEGER NOT NULL,
            version INTEGER NOT NULL
        );
        CREATE TABLE room_members (
            room_id TEXT NOT NULL REFERENCES rooms(id),
            member_id TEXT NOT NULL REFERENCES members(id),
            role TEXT NOT NULL,
            joined_at INTEGER NOT NULL,
            read_seq INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (room_id, member_id)
        );
        CREATE INDEX room_members_member ON room_members(member_id);
        CREATE TABLE messages (
            room_id TEXT NOT NULL REFERENCES rooms(id),
            seq INTEGER NOT NULL,
            sender_id TEXT NOT NULL,
            client_msg_id TEXT NOT NULL,
            text TEXT,
            stamp_id TEXT,
            reply_to_seq INTEGER,
            mentions TEXT NOT NULL DEFAULT '[]',
            sent_at INTEGER NOT NULL,
            edited_at INTEGER,
            deleted INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (room_id, seq)
        ) WITHOUT ROWID;
        CREATE UNIQUE INDEX messages_client_msg ON messages(room_id, sender_id, client_msg_id);
        """,
        """
        CREATE INDEX messages_sent_at ON messages(sent_at);
        CREATE TABLE reactions (
            room_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            reaction_key TEXT NOT NULL,
            member_id TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (room_id, seq, reaction_key, member_id)
        ) WITHOUT ROWID;
        CREATE TABLE stamp_packs (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE TABLE stamps (
            id TEXT PRIMARY KEY,
            pack_id TEXT NOT NULL REFERENCES stamp_packs(id),
            label TEXT NOT NULL,
            content_type TEXT NOT NULL,
            image BLOB NOT NULL,
            etag TEXT NOT NULL,
            position INTEGER NOT NULL
        );
        CREATE TABLE meetups (
            id TEXT PRIMARY KEY,
            room_id TEXT NOT NULL REFERENCES rooms(id),
            title TEXT NOT NULL,
            starts_at INTEGER NOT NULL,
            duration_minutes INTEGER NOT NULL,
            location TEXT NOT NULL,
            created_by TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            reminder_sent_at INTEGER
        );
        CREATE INDEX meetups_room ON meetups(room_id, starts_at);
        CREATE INDEX meetups_reminder ON meetups(reminder_sent_at, starts_at);
        CREATE TABLE meetup_rsvps (
            meetup_id TEXT NOT NULL REFERENCES meetups(id),
            member_id TEXT NOT NULL,
            response TEXT NOT NULL,
            responded_at INTEGER NOT NULL,
            PRIMARY KEY (meetup_id, member_id)
        );
        CREATE TABLE room_mutes (
            room_id TEXT NOT NULL,
            member_id TEXT NOT NULL,
            until INTEGER NOT NULL,
            PRIMARY KEY (room_id, member_id)
        );
        CREATE TABLE reports (
            id TEXT PRIMARY KEY,
            room_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            reporter_id TEXT NOT NULL,
            reason TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE TABLE activity (
            day TEXT NOT NULL,
            member_id TEXT NOT NULL,
            posted INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (day, member_id)
        ) WITHOUT ROWID;
        INSERT INTO rooms (id, kind, name, topic, visibility, created_by, created_at, last_seq, last_activity, version)
        VALUES ('broadcast', 'broadcast', 'Announcements', 'News from the secretariat', 'public', 'system',
                CAST(strftime('%s','now') AS INTEGER) * 1000, 0, CAST(strftime('%s','now') AS INTEGER) * 1000, 1);
        INSERT INTO room_members (room_id, member_id, role, joined_at, read_seq)
        SELECT 'broadcast', id, 'member', joined_at, 0 FROM members;
        """,
        """
        CREATE TABLE nodes (
            node_id TEXT PRIMARY KEY,
            heartbeat_at INTEGER NOT NULL
        );
        CREATE TABLE presence (
            member_id TEXT NOT NULL,
            node_id TEXT NOT NULL,
            PRIMARY KEY (member_id, node_id)
        ) WITHOUT ROWID;
        CREATE INDEX presence_node ON presence(node_id);
        """,
        """
        -- Presence per hub connection: a member is online while any row of theirs is left, and a
        -- room a member joins reaches each of their connections.
        DROP TABLE presence;
        CREATE TABLE presence (
            member_id TEXT NOT NULL,
            connection_id TEXT NOT NULL,
            node_id TEXT NOT NULL,
            PRIMARY KEY (member_id, connection_id)
        );
        CREATE INDEX presence_node ON presence(node_id);
        """,
        """
        -- Orleans grain state (SqliteGrainStorage), one row per service, state name and grain.
        -- payload: the serialised state, NULL once cleared; version: the ETag, 1 at the first write.
        CREATE TABLE grain_state (
            service_id TEXT NOT NULL,
            state_name TEXT NOT NULL,
            grain_id TEXT NOT NULL,
            payload BLOB,
            version INTEGER NOT NULL,
            modified_at INTEGER NOT NULL,
            PRIMARY KEY (service_id, state_name, grain_id)
        );
        """,
        """
        -- Orleans reminders (SqliteReminderTable), as Orleans' ADO.NET reminder table keeps them.
        -- start_at: Unix milliseconds (UTC); period: milliseconds; grain_hash: the grain id's uniform
        -- hash (0 to 2^32 - 1), by which silos read the reminders of their range; version: the ETag.
        CREATE TABLE grain_reminders (
            service_id TEXT NOT NULL,
            grain_id TEXT NOT NULL,
            reminder_name TEXT NOT NULL,
            start_at INTEGER NOT NULL,
            period INTEGER NOT NULL,
            grain_hash INTEGER NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name)
        );
        CREATE INDEX grain_reminders_hash ON grain_reminders(service_id, grain_hash);
        """,
        """
        -- Handles are unique by their look-alike key too (Handles.KeyOf: 0/o, 1/l, _ . - as one, rn/m,
        -- vv/w, cl/d), written with every new member. Members from before get theirs here, spelled in
        -- SQL for the a-z 0-9 _ . - handles the earlier rules allowed: where several share a key, the
        -- first to join keeps it and the others stay without, for the start-up text check to report.
        -- text_checks: the versions of the text rules stored data has been checked against.
        ALTER TABLE members ADD COLUMN handle_key TEXT;
        UPDATE members SET handle_key = keyed.handle_key
        FROM (SELECT id, handle_key, ROW_NUMBER() OVER (PARTITION BY handle_key ORDER BY joined_at, id) AS n
              FROM (SELECT id, joined_at, replace(replace(replace(replace(replace(replace(replace(lower(handle), '0', 'o'), '1', 'l'), '_', '.'), '-', '.'), 'rn', 'm'), 'vv', 'w'), 'cl', 'd') AS handle_key
                    FROM members) AS folded) AS keyed
        WHERE keyed.id = members.id AND keyed.n = 1;
        CREATE UNIQUE INDEX members_handle_key ON members(handle_key);
        CREATE TABLE text_checks (
            rules_version INTEGER PRIMARY KEY,
            checked_at INTEGER NOT NULL,
            findings INTEGER NOT NULL
        );
        """,
        """
        -- Sessions: each token is a session its member sees by an id of its own (never the token), with
        -- the device it signed in from (a short label, NULL when unknown) and its last use, kept to the
        -- minute; idle and absolute lifetimes are judged from created_at and last_seen_at.
        ALTER TABLE tokens ADD COLUMN session_id TEXT NOT NULL DEFAULT '';
        ALTER TABLE tokens ADD COLUMN device TEXT;
        ALTER TABLE tokens ADD COLUMN last_seen_at INTEGER NOT NULL DEFAULT 0;
        UPDATE tokens SET session_id = 's_' || lower(hex(randomblob(10))), last_seen_at = created_at;
        CREATE UNIQUE INDEX tokens_session ON tokens(session_id);
        CREATE INDEX tokens_member_live ON tokens(member_id, revoked_at);
        """,
        """
        -- The audit log of the secretariat's and moderators' actions: appended in the transaction of
        -- the action it records, never changed. actor_handle is the actor's handle when it was written.
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at INTEGER NOT NULL,
            action TEXT NOT NULL,
            actor_id TEXT,
            actor_handle TEXT,
            room_id TEXT,
            target_id TEXT,
            detail TEXT NOT NULL
        );
        CREATE INDEX audit_log_action ON audit_log(action, id);
        CREATE INDEX audit_log_actor ON audit_log(actor_id, id);
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        -- Actions it records that leave a mark of their own: an invitation withdrawn, a stamp pack taken
        -- out of the picker (its images stay for the messages that show them), a report closed.
        ALTER TABLE invitations ADD COLUMN revoked_at INTEGER;
        ALTER TABLE stamp_packs ADD COLUMN removed_at INTEGER;
        ALTER TABLE reports ADD COLUMN resolution TEXT;
        ALTER TABLE reports ADD COLUMN resolution_note TEXT;
        ALTER TABLE reports ADD COLUMN resolved_by TEXT;
        ALTER TABLE reports ADD COLUMN resolved_at INTEGER;
        """,
        """
        -- Until when each member muted the room's notifications (@all and @here): Unix milliseconds,
        -- NULL when not muted. Written by the room's grain, like the rest of the row.
        ALTER TABLE room_members ADD COLUMN notifications_muted_until INTEGER;
        """,
        """
        -- Threads: a message's reply count and last reply time live on its row, moved in the transaction
        -- that appends its replies (replies made before this migration are counted here once).
        -- Pins: up to 50 messages a room, written only by the room's grain; a deleted message leaves them.
        -- A room's notice: a short text shown at the top of the room, with who set it and when.
        ALTER TABLE messages ADD COLUMN reply_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE messages ADD COLUMN last_reply_at INTEGER;
        CREATE INDEX messages_replies ON messages(room_id, reply_to_seq, seq) WHERE reply_to_seq IS NOT NULL;
        UPDATE messages SET
            reply_count = (SELECT COUNT(*) FROM messages r WHERE r.room_id = messages.room_id AND r.reply_to_seq = messages.seq),
            last_reply_at = (SELECT MAX(r.sent_at) FROM messages r WHERE r.room_id = messages.room_id AND r.reply_to_seq = messages.seq)
        WHERE EXISTS (SELECT 1 FROM messages r WHERE r.room_id = messages.room_id AND r.reply_to_seq = messages.seq);
        CREATE TABLE pins (
            room_id TEXT NOT NULL REFERENCES rooms(id),
            seq INTEGER NOT NULL,
            pinned_by TEXT NOT NULL,
            pinned_at INTEGER NOT NULL,
            PRIMARY KEY (room_id, seq)
        ) WITHOUT ROWID;
        ALTER TABLE rooms ADD COLUMN notice_text TEXT;
        ALTER TABLE rooms ADD COLUMN notice_set_by TEXT;
        ALTER TABLE rooms ADD COLUMN notice_set_at INTEGER;
        """,
        """
        -- Message search. message_search: one row per message with text to find, its id the index's row
        -- id, growing as messages are stored (so "newest first" is id descending, and the next page's
        -- cursor an id). message_search_fts: the text as SearchTokenizer's tokens (NFKC, lower case;
        -- words, and overlapping pairs of kanji and kana), separated by spaces: the 'ascii' tokenizer
        -- splits on the spaces and keeps every token as given, so a two-character Japanese query is one
        -- indexed term (the trigram tokenizer needs three). Contentless: the text itself stays in
        -- messages. Both are written in the transaction of each append, edit and deletion.
        -- message_search_pending: the messages stored before, which the migrator indexes after this.
        CREATE TABLE message_search (
            id INTEGER PRIMARY KEY,
            room_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            UNIQUE (room_id, seq)
        );
        CREATE VIRTUAL TABLE message_search_fts USING fts5(tokens, tokenize = 'ascii', content = '', contentless_delete = 1);
        CREATE TABLE message_search_pending (
            n INTEGER PRIMARY KEY,
            room_id TEXT NOT NULL,
            seq INTEGER NOT NULL
        );
        INSERT INTO message_search_pending (room_id, seq)
        SELECT room_id, seq FROM messages WHERE deleted = 0 AND text IS NOT NULL ORDER BY sent_at, room_id, seq;
        """,
        """
        -- Directory privacy, written by the member's grain with the rest of the profile: who sees the
        -- headline and company (everyone, room-mates, nobody) and whether the member is listed and found
        -- by search. The defaults are what every member had before they could choose.
        -- A member's data export reads their messages by sender.
        ALTER TABLE members ADD COLUMN fields_visible_to TEXT NOT NULL DEFAULT 'everyone';
        ALTER TABLE members ADD COLUMN listed INTEGER NOT NULL DEFAULT 1;
        -- A deleted account: its row stays (the handle reserved, its messages shown as a former member's).
        ALTER TABLE members ADD COLUMN former INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX messages_sender ON messages(sender_id);
        """,
        """
        -- A deleted account's leaving, until it is complete: 'keep' or 'erase' (what becomes of the member's
        -- messages) while their rooms are still being told; NULL when nothing is left to do.
        ALTER TABLE members ADD COLUMN departure TEXT;
        """,
        """
        -- Opportunities: job openings, projects and side work posted to the network, and the members interested in
        -- each (their note for the poster and the secretariat; when the poster followed up with a DM, and which).
        -- search_text: title, location and description folded as the directory folds, for browsing by words.
        CREATE TABLE opportunities (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            location TEXT NOT NULL,
            remote INTEGER NOT NULL,
            description TEXT NOT NULL,
            contact TEXT NOT NULL,
            closes_at INTEGER,
            posted_by TEXT NOT NULL,
            posted_at INTEGER NOT NULL,
            closed_at INTEGER,
            interest_count INTEGER NOT NULL DEFAULT 0,
            announced_seq INTEGER,
            search_text TEXT NOT NULL
        );
        CREATE INDEX opportunities_posted ON opportunities(posted_at, id);
        CREATE TABLE opportunity_interest (
            opportunity_id TEXT NOT NULL,
            member_id TEXT NOT NULL,
            note TEXT NOT NULL,
            at INTEGER NOT NULL,
            contacted_at INTEGER,
            dm_room_id TEXT,
            PRIMARY KEY (opportunity_id, member_id)
        );
        """,
        """
        -- E-mail. member_mail: a member's address and which e-mails they want (written by their
        -- MailSettingsGrain; kept out of members so that no directory query can read the address).
        -- mail_outbox: every e-mail, written before it is sent, one row per key ever (the key names what
        -- the mail is about, so a digest or a broadcast is never queued twice); a node leases due rows
        -- (lease_until) to send them, and records each failed attempt and when to try again.
        -- mail_link_key: the key that signs unsubscribe links, made here once for the whole network.
        CREATE TABLE member_mail (
            member_id TEXT PRIMARY KEY REFERENCES members(id),
            address TEXT,
            digests INTEGER NOT NULL DEFAULT 1,
            broadcast_mail INTEGER NOT NULL DEFAULT 1,
            language TEXT
        );
        CREATE TABLE mail_outbox (
            mail_key TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            member_id TEXT NOT NULL,
            recipient TEXT NOT NULL,
            subject TEXT NOT NULL,
            body TEXT NOT NULL,
            unsubscribe_url TEXT,
            created_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            lease_until INTEGER,
            leased_by TEXT,
            sent_at INTEGER,
            last_error TEXT
        );
        CREATE INDEX mail_outbox_due ON mail_outbox(next_attempt_at) WHERE sent_at IS NULL;
        CREATE INDEX mail_outbox_member ON mail_outbox(member_id, kind, created_at);
        CREATE INDEX mail_outbox_created ON mail_outbox(created_at);
        CREATE TABLE mail_link_key (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            link_key TEXT NOT NULL
        );
        INSERT INTO mail_link_key (id, link_key) VALUES (1, lower(hex(randomblob(32))));
        """,
        """
        -- Recurring meetups: the zone a meetup's wall-clock time is in, that time on its first date, its
        -- repeat rule (JSON) and skipped local dates (JSON), and when its last date ends (none: a series
        -- without end), which the upcoming listing filters on. A series' reminders are claimed per date.
        -- A room's calendar feed: the hash of the one token that opens it.
        ALTER TABLE meetups ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';
        ALTER TABLE meetups ADD COLUMN local_start TEXT NOT NULL DEFAULT '';
        ALTER TABLE meetups ADD COLUMN repeat_rule TEXT;
        ALTER TABLE meetups ADD COLUMN exceptions TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE meetups ADD COLUMN ends_at INTEGER;
        UPDATE meetups SET ends_at = starts_at + duration_minutes * 60000;
        CREATE TABLE meetup_occurrence_reminders (
            meetup_id TEXT NOT NULL REFERENCES meetups(id),
            occurrence TEXT NOT NULL,
            sent_at INTEGER NOT NULL,
            PRIMARY KEY (meetup_id, occurrence)
        );
        CREATE TABLE room_calendar_feeds (
            room_id TEXT PRIMARY KEY REFERENCES rooms(id),
            token_hash TEXT NOT NULL UNIQUE,
            created_by TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        """,
        """
        -- What each member is open to (comeback, projects, side-work, mentoring, speaking), a JSON list
        -- written by the member's grain with the rest of the profile; the directory filters by it.
        ALTER TABLE members ADD COLUMN open_to TEXT NOT NULL DEFAULT '[]';
        """,
        """
        -- Polls: each shown in its room's timeline as the message at (room_id, seq), one poll a message;
        -- written by the poll's grain only. poll_votes: a member's choices (a JSON list of option
        -- indexes), replaced when they change their vote; in an anonymous poll no route shows them but to
        -- the member themselves.
        -- Surveys: written by the survey's grain only; questions a JSON list, tags the members it is for
        -- (a JSON list, empty for the whole network). survey_respondents: who has answered, so that no
        -- one answers twice; survey_answers: the answers, with the member's id in a named survey and none
        -- (nor a time) in an anonymous one, under a random id so that nothing ties an answer to a respondent.
        CREATE TABLE polls (
            id TEXT PRIMARY KEY,
            room_id TEXT NOT NULL REFERENCES rooms(id),
            seq INTEGER NOT NULL,
            created_by TEXT NOT NULL,
            question TEXT NOT NULL,
            options TEXT NOT NULL,
            multiple INTEGER NOT NULL,
            anonymous INTEGER NOT NULL,
            closes_at INTEGER,
            closed_at INTEGER,
            created_at INTEGER NOT NULL,
            UNIQUE (room_id, seq)
        );
        CREATE TABLE poll_votes (
            poll_id TEXT NOT NULL REFERENCES polls(id),
            member_id TEXT NOT NULL,
            choices TEXT NOT NULL,
            voted_at INTEGER NOT NULL,
            PRIMARY KEY (poll_id, member_id)
        ) WITHOUT ROWID;
        CREATE TABLE surveys (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            description TEXT NOT NULL,
            questions TEXT NOT NULL,
            tags TEXT NOT NULL,
            anonymous INTEGER NOT NULL,
            created_by TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            opened_at INTEGER,
            closed_at INTEGER
        );
        CREATE TABLE survey_respondents (
            survey_id TEXT NOT NULL REFERENCES surveys(id),
            member_id TEXT NOT NULL,
            PRIMARY KEY (survey_id, member_id)
        ) WITHOUT ROWID;
        CREATE TABLE survey_answers (
            id TEXT NOT NULL PRIMARY KEY,
            survey_id TEXT NOT NULL REFERENCES surveys(id),
            member_id TEXT,
            answers TEXT NOT NULL,
            answered_at INTEGER,
            UNIQUE (survey_id, member_id)
        ) WITHOUT ROWID;
        """,
        """
        -- Network events: reunions and seminars of the whole network, for everyone or for members with one of
        -- invited_tags (a JSON list), with a room of their own; each member's answer (going, waitlisted, declined;
        -- "at" orders the waiting list), whether the reminder went out, and who attended.
        CREATE TABLE network_events (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            description TEXT NOT NULL,
            location TEXT NOT NULL,
            starts_at INTEGER NOT NULL,
            duration_minutes INTEGER NOT NULL,
            capacity INTEGER,
            invited_tags TEXT NOT NULL,
            room_id TEXT NOT NULL,
            created_by TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            reminder_sent_at INTEGER
        );
        CREATE INDEX network_events_start ON network_events(starts_at);
        CREATE TABLE network_event_rsvps (
            event_id TEXT NOT NULL,
            member_id TEXT NOT NULL,
            status TEXT NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (event_id, member_id)
        );
        CREATE TABLE network_event_attendance (
            event_id TEXT NOT NULL,
            member_id TEXT NOT NULL,
            recorded_at INTEGER NOT NULL,
            PRIMARY KEY (event_id, member_id)
        );
        """,
        """
        -- The search index's segments are merged by SqliteSearchMerger in steps between the rooms' commits, not
        -- by FTS5 inside whichever commit wrote the 64th page since its last merge.
        INSERT INTO message_search_fts (message_search_fts, rank) VALUES ('automerge', 0);
        """,
    ];
}
