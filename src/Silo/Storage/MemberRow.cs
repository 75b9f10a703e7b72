using Community.Grains.Members;
using Community.Grains.Storage;

namespace Community.Silo.Storage;

/// <summary>A <c>members</c> row as read (flags are <c>bool</c>: SQLite's 0/1 and PostgreSQL's boolean both read into it).</summary>
internal sealed class MemberRow
{
    public const string Columns = "id, handle, display_name, role, headline, bio, current_company, former_departments, tags, status, joined_at, password_hash, suspended, fields_visible_to, listed, former, open_to";

    public string id { get; set; } = "";
    public string handle { get; set; } = "";
    public string display_name { get; set; } = "";
    public string role { get; set; } = "";
    public string headline { get; set; } = "";
    public string bio { get; set; } = "";
    public string current_company { get; set; } = "";
    public string former_departments { get; set; } = "[]";
    public string tags { get; set; } = "[]";
    public string status { get; set; } = "";
    public long joined_at { get; set; }
    public string password_hash { get; set; } = "";
    public bool suspended { get; set; }
    public string fields_visible_to { get; set; } = FieldAudiences.Everyone;
    public bool listed { get; set; } = true;
    public bool former { get; set; }
    public string open_to { get; set; } = "[]";

    /// <summary>Read only by directory queries: whether the viewer shares a room (not the broadcast channel) or a DM with the member.</summary>
    public bool room_mate { get; set; }

    public MemberProfile ToProfile() => new(id, handle, display_name, role, headline, bio, current_company,
        StoredValues.List(former_departments), StoredValues.List(tags), status, StoredValues.Time(joined_at))
    {
        Privacy = new MemberPrivacy(fields_visible_to, listed),
        Former = former,
        OpenTo = StoredValues.List(open_to),
    };

    public MemberRecord ToRecord() => new(ToProfile(), suspended);
}
