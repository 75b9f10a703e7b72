using Community.Grains.Members;
using Community.Grains.Storage;

namespace Community.Silo.Storage.Sqlite;

/// <summary>A <c>members</c> row as read.</summary>
internal sealed class MemberRow
{
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
    public long suspended { get; set; }
    public long version { get; set; }

    public MemberProfile ToProfile() => new(id, handle, display_name, role, headline, bio, current_company,
        StoredValues.List(former_departments), StoredValues.List(tags), status, StoredValues.Time(joined_at));

    public MemberRecord ToRecord() => new(ToProfile(), version, suspended != 0);
}
