using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Community.Tests.Support;

/// <summary>
/// A meter factory of its own and every measurement its meters take, by instrument name: what a store or service
/// under test reports, and nothing another test's instance of it does.
/// </summary>
public sealed class RecordedMeters : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(double Value, string[] Tags)>> _measurements = new();

    public RecordedMeters()
    {
        Factory = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == Factory) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Of(instrument.Name).Enqueue((value, Tags(tags))));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Of(instrument.Name).Enqueue((value, Tags(tags))));
        _listener.Start();
    }

    public IMeterFactory Factory { get; }

    /// <summary>The values the instrument called <paramref name="instrument"/> recorded so far; with a tag (<c>key=value</c>), only those it carried.</summary>
    public IReadOnlyList<double> Measurements(string instrument, string? tag = null) =>
        Of(instrument).Where(m => tag is null || m.Tags.Contains(tag)).Select(m => m.Value).ToArray();

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    private ConcurrentQueue<(double Value, string[] Tags)> Of(string instrument) =>
        _measurements.GetOrAdd(instrument, _ => new ConcurrentQueue<(double, string[])>());

    private static string[] Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var named = new string[tags.Length];
        for (var i = 0; i < tags.Length; i++) named[i] = $"{tags[i].Key}={tags[i].Value}";
        return named;
    }
}
