using System.Text;
using Microsoft.Extensions.Logging;

namespace Community.Tests.Support;

/// <summary>
/// Keeps every log entry a node writes, one line each: level, category, the rendered message,
/// its structured values, its scopes and any exception, so a test can look for what must
/// never be logged. Add it with <c>builder.Logging.AddProvider(...)</c>.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly Lock _lock = new();
    private readonly List<string> _lines = [];
    private readonly List<Waiter> _waiters = [];
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lock) return _lines.ToArray();
        }
    }

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    /// <summary>Completes when <paramref name="count"/> lines that match have been logged, now or later.</summary>
    /// <exception cref="TimeoutException">Fewer such lines within <paramref name="timeout"/>.</exception>
    public async Task WaitForAsync(Func<string, bool> match, TimeSpan timeout, int count = 1)
    {
        var found = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            var logged = _lines.Count(match);
            if (logged >= count) return;
            _waiters.Add(new Waiter(match, count - logged, found));
        }
        try
        {
            await found.Task.WaitAsync(timeout);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"Not {count} matching log line(s) within {timeout.TotalSeconds} s; logged:\n{string.Join('\n', Lines)}", e);
        }
    }

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        List<TaskCompletionSource> found;
        lock (_lock)
        {
            _lines.Add(line);
            var matched = _waiters.Where(w => w.Match(line) && --w.Remaining == 0).ToArray();
            foreach (var waiter in matched) _waiters.Remove(waiter);
            found = matched.Select(w => w.Found).ToList();
        }
        foreach (var waiter in found) waiter.TrySetResult();
    }

    private sealed class Waiter(Func<string, bool> match, int remaining, TaskCompletionSource found)
    {
        public Func<string, bool> Match { get; } = match;

        public int Remaining { get; set; } = remaining;

        public TaskCompletionSource Found { get; } = found;
    }

    private sealed class CapturingLogger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new StringBuilder($"{logLevel} {category}: {formatter(state, exception)}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values) Append(line, "values", values);
            provider._scopes.ForEachScope((scope, builder) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> scopeValues) Append(builder, "scope", scopeValues);
                else builder.Append(" | scope ").Append(scope);
            }, line);
            if (exception is not null) line.Append('\n').Append(exception);
            provider.Add(line.ToString());
        }

        private static void Append(StringBuilder line, string what, IEnumerable<KeyValuePair<string, object?>> values)
        {
            line.Append(" | ").Append(what);
            foreach (var (key, value) in values) line.Append(' ').Append(key).Append('=').Append(value);
        }
    }
}
