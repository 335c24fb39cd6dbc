using System.Collections;

namespace Rapport.Web;

/// <summary>A log line's state as providers see it: the formatted message and every structured value
/// redacted, worked out only when a provider asks, once.</summary>
internal sealed class RedactedLogLine : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string TemplateKey = "{OriginalFormat}";

    private readonly Func<string> _format;
    private readonly IReadOnlyList<KeyValuePair<string, object?>> _original;
    private readonly KeyValuePair<string, object?>?[] _redacted;
    private string? _message;

    private RedactedLogLine(Func<string> format, IReadOnlyList<KeyValuePair<string, object?>> original)
    {
        _format = format;
        _original = original;
        _redacted = new KeyValuePair<string, object?>?[original.Count];
    }

    public static RedactedLogLine For<TState>(TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        new(() => formatter(state, exception), Values(state));

    /// <summary>A scope's state: kept as structure when it has one (the request scope does), else its text.</summary>
    public static object ForScope<TState>(TState state) where TState : notnull =>
        state is IEnumerable<KeyValuePair<string, object?>> ? new RedactedLogLine(() => state.ToString() ?? "", Values(state))
            : LogRedaction.Redact(state.ToString() ?? "");

    private static IReadOnlyList<KeyValuePair<string, object?>> Values<TState>(TState state) => state switch
    {
        IReadOnlyList<KeyValuePair<string, object?>> list => list,
        IEnumerable<KeyValuePair<string, object?>> pairs => pairs.ToList(),
        _ => [],
    };

    public string Message => _message ??= LogRedaction.Redact(_format());

    /// <summary>The unformatted value named <paramref name="key"/>, redacted, or null.</summary>
    public object? Value(string key)
    {
        for (var i = 0; i < Count; i++)
            if (_original[i].Key == key) return this[i].Value;
        return null;
    }

    public static string Format(RedactedLogLine line, Exception? exception) => line.Message;

    public override string ToString() => Message;

    public int Count => _original.Count;

    public KeyValuePair<string, object?> this[int index] =>
        _redacted[index] ??= new(_original[index].Key, LogRedaction.RedactValue(_original[index].Value));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
