using Community.Grains.Runtime;

namespace Community.Tests.Grains.Runtime;

/// <summary>
/// Storage shared by the test nodes: each key holds a value and a version, and a write based on
/// an old version is refused, as the real stores refuse a write with a stale ETag.
/// </summary>
public sealed class VersionedStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (int Value, long Version)> _rows = new();
    private readonly HashSet<string> _contended = new();
    private int _staleRefusals;

    public int StaleRefusals => Volatile.Read(ref _staleRefusals);

    public (int Value, long Version) Read(string key)
    {
        lock (_lock) return _rows.GetValueOrDefault(key);
    }

    /// <summary>Stores the value if the key is still at <paramref name="expectedVersion"/>; returns the new version.</summary>
    public long Write(string key, int value, long expectedVersion)
    {
        lock (_lock)
        {
            var current = _rows.GetValueOrDefault(key);
            // A contended key behaves as if another node always wrote just before this one.
            if (_contended.Contains(key)) current = _rows[key] = (current.Value, current.Version + 1);
            if (current.Version != expectedVersion)
            {
                _staleRefusals++;
                throw new StaleStateException($"{key} is at version {current.Version}, not {expectedVersion}.");
            }
            _rows[key] = (value, expectedVersion + 1);
            return expectedVersion + 1;
        }
    }

    public void Contend(string key, bool contended = true)
    {
        lock (_lock)
        {
            if (contended) _contended.Add(key);
            else _contended.Remove(key);
        }
    }
}
