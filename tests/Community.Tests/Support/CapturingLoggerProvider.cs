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
    private readonly List<(Func<string, bool> Match, TaskCompletionSource Found)> _waiters = [];
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

    /// <summary>Completes when a line that matches has been logged, now or later.</summary>
    /// <exception cref="TimeoutException">No such line within <paramref name="timeout"/>.</exception>
    public async Task WaitForAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var found = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_lines.Any(match)) return;
            _waiters.Add((match, found));
        }
        try
        {
            await found.Task.WaitAsync(timeout);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"No matching log line within {timeout.TotalSeconds} s; logged:\n{string.Join('\n', Lines)}", e);
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
            var matched = _waiters.Where(w => w.Match(line)).ToArray();
            foreach (var waiter in matched) _waiters.Remove(waiter);
            found = matched.Select(w => w.Found).ToList();
        }
        foreach (var waiter in found) waiter.TrySetResult();
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
