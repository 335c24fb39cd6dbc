namespace Rapport.Web;

/// <summary>Stands in, in the log, for an exception whose text holds a secret (a message that quotes a
/// path, say): it reads as the original, type name and stack included, with the secrets redacted.</summary>
internal sealed class RedactedException : Exception
{
    private readonly string _text;
    private readonly string? _stackTrace;

    private RedactedException(Exception original, string text) : base(LogRedaction.Redact(original.Message))
    {
        _text = text;
        _stackTrace = original.StackTrace is { } stack ? LogRedaction.Redact(stack) : null;
        HResult = original.HResult;
        Source = original.Source;
    }

    /// <summary><paramref name="exception"/> itself when its text holds no secret, which is almost always.</summary>
    public static Exception? For(Exception? exception)
    {
        if (exception is null) return null;
        var text = exception.ToString();
        var redacted = LogRedaction.Redact(text);
        return redacted == text ? exception : new RedactedException(exception, redacted);
    }

    public override string? StackTrace => _stackTrace;

    public override string ToString() => _text;
}
