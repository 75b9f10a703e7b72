namespace Community.Silo.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema, one migration per entry, applied in order and never edited once shipped.
/// The tables are SQLite's: times in Unix milliseconds and seqs as BIGINT, lists as JSON text.
/// Keys compare byte-wise (COLLATE "C"), as SQLite's do, so handle paging and every
/// ORDER BY … id tie-break come out the same whatever locale the database was created with.
/// </summary>
internal static class PostgresSchema
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE members (
            id TEXT COLLATE "C" PRIMARY KEY,
            handle TEXT COLLATE "C" NOT NULL CONSTRAINT members_handle_unique UNIQUE,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL,
            headline TEXT NOT NULL DEFAULT '',
            bio TEXT NOT NULL DEFAULT '',
            current_company TEXT NOT NULL DEFAULT '',
            former_departments TEXT NOT NULL DEFAULT '[]',
            tags TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL DEFAULT '',
            joined_at BIGINT NOT NULL,
            password_hash TEXT NOT NULL,
            suspended BOOLEAN NOT NULL DEFAULT false,
            search_text TEXT NOT NULL,
            version BIGINT NOT NULL
        );
        CREATE TABLE invitations (
            code TEXT COLLATE "C" PRIMARY KEY,
            role TEXT NOT NULL,
            expires_at BIGINT NOT NULL,
            used_by TEXT COLLATE "C" REFERENCES members(id),
            used_at BIGINT,
            note TEXT,
            created_by TEXT COLLATE "C" NOT NULL,
            created_at BIGINT NOT NULL
        );
        CREATE TABLE tokens (
            token_hash TEXT COLLATE "C" PRIMARY KEY,
            member_id TEXT COLLATE "C" NOT NULL REFERENCES members(id),
            created_at BIGINT NOT NULL,
            revoked_at BIGINT
        );
        CREATE INDEX tokens_member ON tokens(member_id);
        -- search_text: name and topic folded as StoredValues.Folded does (PostgreSQL's lower()
        -- follows the database's locale and knows no NFKC), written with every name or topic.
        CREATE TABLE rooms (
            id TEXT COLLATE "C" PRIMARY KEY,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            topic TEXT NOT NULL,
            visibility TEXT NOT NULL,
            created_by TEXT COLLATE "C" NOT NULL,
            created_at BIGINT NOT NULL,
            last_seq BIGINT NOT NULL DEFAULT 0,
            last_activity BIGINT NOT NULL,
            version BIGINT NOT NULL,
            search_text TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE room_members (
            room_id TEXT COLLATE "C" NOT NULL REFERENCES rooms(id),
            member_id TEXT COLLATE "C" NOT NULL REFERENCES members(id),
            role TEXT NOT NULL,
            joined_at BIGINT NOT NULL,
            read_seq BIGINT NOT NULL DEFAULT 0,
            PRIMARY KEY (room_id, member_id)
        );
        CREATE INDEX room_members_member ON room_members(member_id);
        CREATE TABLE messages (
            room_id TEXT COLLATE "C" NOT NULL REFERENCES rooms(id),
            seq BIGINT NOT NULL,
            sender_id TEXT COLLATE "C" NOT NULL,
            client_msg_id TEXT COLLATE "C" NOT NULL,
            text TEXT,
            stamp_id TEXT COLLATE "C",
            reply_to_seq BIGINT,
            mentions TEXT NOT NULL DEFAULT '[]',
            sent_at BIGINT NOT NULL,
            edited_at BIGINT,
            deleted BOOLEAN NOT NULL DEFAULT false,
            PRIMARY KEY (room_id, seq)
        );
        CREATE UNIQUE INDEX messages_client_msg ON messages(room_id, sender_id, client_msg_id);
        """,
        """
        CREATE INDEX messages_sent_at ON messages(sent_at);
        CREATE TABLE reactions (
            room_id TEXT COLLATE "C" NOT NULL,
            seq BIGINT NOT NULL,
            reaction_key TEXT COLLATE "C" NOT NULL,
            member_id TEXT COLLATE "C" NOT NULL,
            created_at BIGINT NOT NULL,
            PRIMARY KEY (room_id, seq, reaction_key, member_id)
        );
        CREATE TABLE stamp_packs (
            id TEXT COLLATE "C" PRIMARY KEY,
            name TEXT NOT NULL,
            created_at BIGINT NOT NULL
        );
        CREATE TABLE stamps (
            id TEXT COLLATE "C" PRIMARY KEY,
            pack_id TEXT COLLATE "C" NOT NULL REFERENCES stamp_packs(id),
            label TEXT NOT NULL,
            content_type TEXT NOT NULL,
            image BYTEA NOT NULL,
            etag TEXT NOT NULL,
            position BIGINT NOT NULL
        );
        CREATE TABLE meetups (
            id TEXT COLLATE "C" PRIMARY KEY,
            room_id TEXT COLLATE "C" NOT NULL REFERENCES rooms(id),
            title TEXT NOT NULL,
            starts_at BIGINT NOT NULL,
            duration_minutes BIGINT NOT NULL,
            location TEXT NOT NULL,
            created_by TEXT COLLATE "C" NOT NULL,
            created_at BIGINT NOT NULL,
            reminder_sent_at BIGINT
        );
        CREATE INDEX meetups_room ON meetups(room_id, starts_at);
        CREATE INDEX meetups_reminder ON meetups(reminder_sent_at, starts_at);
        CREATE TABLE meetup_rsvps (
            meetup_id TEXT COLLATE "C" NOT NULL REFERENCES meetups(id),
            member_id TEXT COLLATE "C" NOT NULL,
            response TEXT NOT NULL,
            responded_at BIGINT NOT NULL,
            PRIMARY KEY (meetup_id, member_id)
        );
        CREATE TABLE room_mutes (
            room_id TEXT COLLATE "C" NOT NULL,
            member_id TEXT COLLATE "C" NOT NULL,
            until BIGINT NOT NULL,
            PRIMARY KEY (room_id, member_id)
        );
        CREATE TABLE reports (
            id TEXT COLLATE "C" PRIMARY KEY,
            room_id TEXT COLLATE "C" NOT NULL,
            seq BIGINT NOT NULL,
            reporter_id TEXT COLLATE "C" NOT NULL,
            reason TEXT NOT NULL,
            created_at BIGINT NOT NULL
        );
        CREATE TABLE activity (
            day TEXT COLLATE "C" NOT NULL,
            member_id TEXT COLLATE "C" NOT NULL,
            posted BOOLEAN NOT NULL DEFAULT false,
            PRIMARY KEY (day, member_id)
        );
        INSERT INTO rooms (id, kind, name, topic, visibility, created_by, created_at, last_seq, last_activity, version, search_text)
        VALUES ('broadcast', 'broadcast', 'Announcements', 'News from the secretariat', 'public', 'system',
                (extract(epoch FROM now()) * 1000)::bigint, 0, (extract(epoch FROM now()) * 1000)::bigint, 1,
                'announcements' || chr(10) || 'news from the secretariat');
        INSERT INTO room_members (room_id, member_id, role, joined_at, read_seq)
        SELECT 'broadcast', id, 'member', joined_at, 0 FROM members;
        """,
        """
        CREATE TABLE nodes (
            node_id TEXT COLLATE "C" PRIMARY KEY,
            heartbeat_at BIGINT NOT NULL
        );
        CREATE TABLE presence (
            member_id TEXT COLLATE "C" NOT NULL,
            node_id TEXT COLLATE "C" NOT NULL,
            PRIMARY KEY (member_id, node_id)
        );
        CREATE INDEX presence_node ON presence(node_id);
        -- PostgreSQL only: the LISTEN/NOTIFY backplane keeps here, for a while, the body of an event
        -- too large for a notification (8,000 bytes), and notifies its id; receivers fetch it.
        CREATE TABLE backplane_payloads (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            body TEXT NOT NULL,
            created_at TIMESTAMPTZ NOT NULL DEFAULT now()
        );
        CREATE INDEX backplane_payloads_created_at ON backplane_payloads(created_at);
        """,
        """
        -- Presence per hub connection: a member is online while any row of theirs is left, and a
        -- room a member joins reaches each of their connections, whichever node holds it.
        -- Events travel between nodes through Redis now: the LISTEN/NOTIFY payloads go.
        DROP TABLE presence;
        CREATE TABLE presence (
            member_id TEXT COLLATE "C" NOT NULL,
            connection_id TEXT COLLATE "C" NOT NULL,
            node_id TEXT COLLATE "C" NOT NULL,
            PRIMARY KEY (member_id, connection_id)
        );
        CREATE INDEX presence_node ON presence(node_id);
        DROP TABLE backplane_payloads;
        """,
        """
        -- Handles are unique by their look-alike key too (Handles.KeyOf: 0/o, 1/l, _ . - as one, rn/m,
        -- vv/w, cl/d), written with every new member. Members from before get theirs here, spelled in
        -- SQL for the a-z 0-9 _ . - handles the earlier rules allowed: where several share a key, the
        -- first to join keeps it and the others stay without, for the start-up text check to report.
        -- text_checks: the versions of the text rules stored data has been checked against.
        ALTER TABLE members ADD COLUMN handle_key TEXT COLLATE "C";
        UPDATE members SET handle_key = keyed.handle_key
        FROM (SELECT id, handle_key, ROW_NUMBER() OVER (PARTITION BY handle_key ORDER BY joined_at, id) AS n
              FROM (SELECT id, joined_at, replace(replace(replace(replace(replace(replace(replace(lower(handle), '0', 'o'), '1', 'l'), '_', '.'), '-', '.'), 'rn', 'm'), 'vv', 'w'), 'cl', 'd') AS handle_key
                    FROM members) AS folded) AS keyed
        WHERE keyed.id = members.id AND keyed.n = 1;
        CREATE UNIQUE INDEX members_handle_key ON members(handle_key);
        CREATE TABLE text_checks (
            rules_version INTEGER PRIMARY KEY,
            checked_at BIGINT NOT NULL,
            findings BIGINT NOT NULL
        );
        """,
        """
        -- Sessions: each token is a session its member sees by an id of its own (never the token), with
        -- the device it signed in from (a short label, NULL when unknown) and its last use, kept to the
        -- minute; idle and absolute lifetimes are judged from created_at and last_seen_at.
        ALTER TABLE tokens ADD COLUMN session_id TEXT COLLATE "C";
        ALTER TABLE tokens ADD COLUMN device TEXT;
        ALTER TABLE tokens ADD COLUMN last_seen_at BIGINT;
        UPDATE tokens SET session_id = 's_' || replace(gen_random_uuid()::text, '-', ''), last_seen_at = created_at;
        ALTER TABLE tokens ALTER COLUMN session_id SET NOT NULL, ALTER COLUMN last_seen_at SET NOT NULL;
        CREATE UNIQUE INDEX tokens_session ON tokens(session_id);
        CREATE INDEX tokens_member_live ON tokens(member_id, revoked_at);
        """,
        """
        -- The audit log of the secretariat's and moderators' actions: appended in the transaction of
        -- the action it records, never changed. actor_handle is the actor's handle when it was written.
        CREATE TABLE audit_log (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at BIGINT NOT NULL,
            action TEXT COLLATE "C" NOT NULL,
            actor_id TEXT COLLATE "C",
            actor_handle TEXT COLLATE "C",
            room_id TEXT COLLATE "C",
            target_id TEXT COLLATE "C",
            detail TEXT NOT NULL
        );
        CREATE INDEX audit_log_action ON audit_log(action, id);
        CREATE INDEX audit_log_actor ON audit_log(actor_id, id);
        CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'the audit log is append-only';
        END;
        $$;
        CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
            FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
        -- Actions it records that leave a mark of their own: an invitation withdrawn, a stamp pack taken
        -- out of the picker (its images stay for the messages that show them), a report closed.
        ALTER TABLE invitations ADD COLUMN revoked_at BIGINT;
        ALTER TABLE stamp_packs ADD COLUMN removed_at BIGINT;
        ALTER TABLE reports ADD COLUMN resolution TEXT;
        ALTER TABLE reports ADD COLUMN resolution_note TEXT;
        ALTER TABLE reports ADD COLUMN resolved_by TEXT COLLATE "C";
        ALTER TABLE reports ADD COLUMN resolved_at BIGINT;
        """,
        """
        -- Until when each member muted the room's notifications (@all and @here): Unix milliseconds,
        -- NULL when not muted. Written by the room's grain, like the rest of the row.
        ALTER TABLE room_members ADD COLUMN notifications_muted_until BIGINT;
        """,
        """
        -- Threads: a message's reply count and last reply time live on its row, moved in the transaction
        -- that appends its replies (replies made before this migration are counted here once).
        -- Pins: up to 50 messages a room, written only by the room's grain; a deleted message leaves them.
        -- A room's notice: a short text shown at the top of the room, with who set it and when.
        ALTER TABLE messages ADD COLUMN reply_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE messages ADD COLUMN last_reply_at BIGINT;
        CREATE INDEX messages_replies ON messages(room_id, reply_to_seq, seq) WHERE reply_to_seq IS NOT NULL;
        UPDATE messages SET reply_count = t.replies, last_reply_at = t.last_at
        FROM (SELECT room_id, reply_to_seq, COUNT(*) AS replies, MAX(sent_at) AS last_at
              FROM messages WHERE reply_to_seq IS NOT NULL GROUP BY room_id, reply_to_seq) AS t
        WHERE messages.room_id = t.room_id AND messages.seq = t.reply_to_seq;
        CREATE TABLE pins (
            room_id TEXT COLLATE "C" NOT NULL REFERENCES rooms(id),
            seq BIGINT NOT NULL,
            pinned_by TEXT COLLATE "C" NOT NULL,
            pinned_at BIGINT NOT NULL,
            PRIMARY KEY (room_id, seq)
        );
        ALTER TABLE rooms ADD COLUMN notice_text TEXT;
        ALTER TABLE rooms ADD COLUMN notice_set_by TEXT COLLATE "C";
        ALTER TABLE rooms ADD COLUMN notice_set_at BIGINT;
        """,
        """
        -- Message search. message_search: one row per message with text to find, its id growing as
        -- messages are stored (so "newest first" is id descending, and the next page's cursor an id),
        -- tokens its text as SearchTokenizer's tokens (NFKC, lower case; words, and overlapping pairs
        -- of kanji and kana) with their positions, built by the node as a tsvector literal (the
        -- database's own parser and dictionaries are not used, so the database's locale changes
        -- nothing), under a GIN index. A query is a tsquery of the same tokens, each term a phrase
        -- (<->). pg_trgm is not used: its trigrams drop non-alphanumeric characters as the database's
        -- locale classifies them, and its index cannot serve a pattern of two characters, the length
        -- of many Japanese words (渋谷). Written in the transaction of each append, edit and deletion.
        -- message_search_pending: the messages stored before, which the migrator indexes after this.
        CREATE TABLE message_search (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            room_id TEXT COLLATE "C" NOT NULL,
            seq BIGINT NOT NULL,
            tokens TSVECTOR NOT NULL,
            UNIQUE (room_id, seq)
        );
        CREATE INDEX message_search_tokens ON message_search USING GIN (tokens);
        CREATE TABLE message_search_pending (
            n BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            room_id TEXT COLLATE "C" NOT NULL,
            seq BIGINT NOT NULL
        );
        INSERT INTO message_search_pending (room_id, seq)
        SELECT room_id, seq FROM messages WHERE NOT deleted AND text IS NOT NULL ORDER BY sent_at, room_id, seq;
        """,
        """
        -- Directory privacy, written by the member's grain with the rest of the profile: who sees the
        -- headline and company (everyone, room-mates, nobody) and whether the member is listed and found
        -- by search. The defaults are what every member had before they could choose.
        -- A member's data export reads their messages by sender.
        ALTER TABLE members ADD COLUMN fields_visible_to TEXT NOT NULL DEFAULT 'everyone';
        ALTER TABLE members ADD COLUMN listed BOOLEAN NOT NULL DEFAULT true;
        -- A deleted account: its row stays (the handle reserved, its messages shown as a former member's).
        ALTER TABLE members ADD COLUMN former BOOLEAN NOT NULL DEFAULT false;
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
            id TEXT COLLATE "C" PRIMARY KEY,
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            location TEXT NOT NULL,
            remote BOOLEAN NOT NULL,
            description TEXT NOT NULL,
            contact TEXT NOT NULL,
            closes_at BIGINT,
            posted_by TEXT NOT NULL,
            posted_at BIGINT NOT NULL,
            closed_at BIGINT,
            interest_count BIGINT NOT NULL DEFAULT 0,
            announced_seq BIGINT,
            search_text TEXT NOT NULL
        );
        CREATE INDEX opportunities_posted ON opportunities(posted_at, id);
        CREATE TABLE opportunity_interest (
            opportunity_id TEXT NOT NULL,
            member_id TEXT NOT NULL,
            note TEXT NOT NULL,
            at BIGINT NOT NULL,
            contacted_at BIGINT,
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
            member_id TEXT COLLATE "C" PRIMARY KEY REFERENCES members(id),
            address TEXT,
            digests BOOLEAN NOT NULL DEFAULT true,
            broadcast_mail BOOLEAN NOT NULL DEFAULT true,
            language TEXT
        );
        CREATE TABLE mail_outbox (
            mail_key TEXT COLLATE "C" PRIMARY KEY,
            kind TEXT NOT NULL,
            member_id TEXT COLLATE "C" NOT NULL,
            recipient TEXT NOT NULL,
            subject TEXT NOT NULL,
            body TEXT NOT NULL,
            unsubscribe_url TEXT,
            created_at BIGINT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at BIGINT NOT NULL,
            lease_until BIGINT,
            leased_by TEXT,
            sent_at BIGINT,
            last_error TEXT
        );
        CREATE INDEX mail_outbox_due ON mail_outbox(next_attempt_at) WHERE sent_at IS NULL;
        CREATE INDEX mail_outbox_member ON mail_outbox(member_id, kind, created_at);
        CREATE INDEX mail_outbox_created ON mail_outbox(created_at);
        CREATE TABLE mail_link_key (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            link_key TEXT NOT NULL
        );
        INSERT INTO mail_link_key (id, link_key)
        VALUES (1, replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''));
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
        ALTER TABLE meetups ADD COLUMN ends_at BIGINT;
        UPDATE meetups SET ends_at = starts_at + duration_minutes * 60000;
        CREATE TABLE meetup_occurrence_reminders (
            meetup_id TEXT COLLATE "C" NOT NULL REFERENCES meetups(id),
            occurrence TEXT NOT NULL,
            sent_at BIGINT NOT NULL,
            PRIMARY KEY (meetup_id, occurrence)
        );
        CREATE TABLE room_calendar_feeds (
            room_id TEXT COLLATE "C" PRIMARY KEY REFERENCES rooms(id),
            token_hash TEXT NOT NULL UNIQUE,
            created_by TEXT COLLATE "C" NOT NULL,
            created_at BIGINT NOT NULL
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
            id TEXT COLLATE "C" PRIMARY KEY,
            room_id TEXT COLLATE "C" NOT NULL REFERENCES rooms(id),
            seq BIGINT NOT NULL,
            created_by TEXT COLLATE "C" NOT NULL,
            question TEXT NOT NULL,
            options TEXT NOT NULL,
            multiple BOOLEAN NOT NULL,
            anonymous BOOLEAN NOT NULL,
            closes_at BIGINT,
            closed_at BIGINT,
            created_at BIGINT NOT NULL,
            UNIQUE (room_id, seq)
        );
        CREATE TABLE poll_votes (
            poll_id TEXT COLLATE "C" NOT NULL REFERENCES polls(id),
            member_id TEXT COLLATE "C" NOT NULL,
            choices TEXT NOT NULL,
            voted_at BIGINT NOT NULL,
            PRIMARY KEY (poll_id, member_id)
        );
        CREATE TABLE surveys (
            id TEXT COLLATE "C" PRIMARY KEY,
            title TEXT NOT NULL,
            description TEXT NOT NULL,
            questions TEXT NOT NULL,
            tags TEXT NOT NULL,
            anonymous BOOLEAN NOT NULL,
            created_by TEXT COLLATE "C" NOT NULL,
            created_at BIGINT NOT NULL,
            opened_at BIGINT,
            closed_at BIGINT
        );
        CREATE TABLE survey_respondents (
            survey_id TEXT COLLATE "C" NOT NULL REFERENCES surveys(id),
            member_id TEXT COLLATE "C" NOT NULL,
            PRIMARY KEY (survey_id, member_id)
        );
        CREATE TABLE survey_answers (
            id TEXT COLLATE "C" NOT NULL PRIMARY KEY,
            survey_id TEXT COLLATE "C" NOT NULL REFERENCES surveys(id),
            member_id TEXT COLLATE "C",
            answers TEXT NOT NULL,
            answered_at BIGINT,
            UNIQUE (survey_id, member_id)
        );
        """,
        """
        -- Network events: reunions and seminars of the whole network, for everyone or for members with one of
        -- invited_tags (a JSON list), with a room of their own; each member's answer (going, waitlisted, declined;
        -- "at" orders the waiting list), whether the reminder went out, and who attended.
        CREATE TABLE network_events (
            id TEXT COLLATE "C" PRIMARY KEY,
            title TEXT NOT NULL,
            description TEXT NOT NULL,
            location TEXT NOT NULL,
            starts_at BIGINT NOT NULL,
            duration_minutes INTEGER NOT NULL,
            capacity INTEGER,
            invited_tags TEXT NOT NULL,
            room_id TEXT NOT NULL,
            created_by TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            reminder_sent_at BIGINT
        );
        CREATE INDEX network_events_start ON network_events(starts_at);
        CREATE TABLE network_event_rsvps (
            event_id TEXT NOT NULL,
            member_id TEXT NOT NULL,
            status TEXT NOT NULL,
            at BIGINT NOT NULL,
            PRIMARY KEY (event_id, member_id)
        );
        CREATE TABLE network_event_attendance (
            event_id TEXT NOT NULL,
            member_id TEXT NOT NULL,
            recorded_at BIGINT NOT NULL,
            PRIMARY KEY (event_id, member_id)
        );
        """,
    ];
}
