namespace Rapport.Domain;

/// <summary>What a channel's messages look like. A LinkedIn note, a call, a voicemail or a card has no subject
/// line and goes by no mail app; one rule, so the template editor and the composer never disagree.</summary>
public static class Channels
{
    /// <summary>Whether a message on this channel has a subject line ("other" may be anything, so it keeps one).</summary>
    public static bool HasSubject(Channel channel) => channel is Channel.Email or Channel.Introduction or Channel.Other;

    /// <summary>Whether a mail link to the contact fits a message on this channel: only an email to them does (an
    /// introduction is written to the person who would introduce them, not to the contact).</summary>
    public static bool MailsTheContact(Channel channel) => channel is Channel.Email;
}
