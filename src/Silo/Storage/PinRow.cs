using Community.Grains.Pins;

namespace Community.Silo.Storage;

/// <summary>A <c>pins</c> row as read.</summary>
internal sealed class PinRow
{
    public long seq { get; set; }
    public string pinned_by { get; set; } = "";
    public long pinned_at { get; set; }

    public Pin ToPin() => new(seq, pinned_by, StoredValues.Time(pinned_at));
}
