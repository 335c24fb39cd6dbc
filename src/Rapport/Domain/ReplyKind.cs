namespace Rapport.Domain;

/// <summary>What came back after a request.</summary>
public enum ReplyKind
{
    Accepted = 1,
    Declined = 2,
    NoReply = 3,
}
