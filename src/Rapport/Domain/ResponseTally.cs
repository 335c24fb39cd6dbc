namespace Rapport.Domain;

/// <summary>One group's answers; <see cref="AnsweredShare"/> counts quick and late answers among those
/// whose outcome is known (waiting ones are left out so a fresh batch of requests does not drag it down).</summary>
public sealed record ResponseTally(string Group, int Quick, int Late, int Never, int Waiting)
{
    public int Asked => Quick + Late + Never + Waiting;

    public int? AnsweredShare => Quick + Late + Never == 0 ? null : (int)Math.Round(100.0 * (Quick + Late) / (Quick + Late + Never), MidpointRounding.AwayFromZero);
}
