namespace Rapport.Domain;

/// <summary>How a contact answered the person's first request, so the person learns who responds.</summary>
public enum Responsiveness
{
    /// <summary>Asked, not answered, and the follow-up day has not passed.</summary>
    Waiting,
    /// <summary>Answered by the nudge mark (3 business days by default).</summary>
    Quick,
    /// <summary>Answered after the nudge mark.</summary>
    Late,
    /// <summary>No answer: logged as no reply, or still silent after the follow-up day.</summary>
    Never,
}
