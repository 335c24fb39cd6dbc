using System.Globalization;
using Rapport.Domain;
using Rapport.Formats.LinkedIn;
using Rapport.Formats.VCard;

namespace Rapport.Features.ImportExport;

/// <summary>A contact as read from a card: standard properties any address book writes, plus the
/// X-RAPPORT-* ones Rapport writes so that its own exports come back with nothing lost.</summary>
public sealed record CardContact(
    int Line, Guid? Uid, string FirstName, string? LastName, string? Title, string? Organization, string? City,
    string? LinkedInUrl, IReadOnlyList<(string? Label, string Value)> Emails, IReadOnlyList<(string? Label, string Value)> Phones,
    IReadOnlyList<string> Tags, IReadOnlyList<string> Fields, string? Notes, ContactSource? Source, Priority? Priority,
    bool DoNotContact, string? AlumniOf, Guid? ReferredByUid, DateOnly? ConnectedOn, DateOnly? LastContactedOn,
    string? LinkedInCompany, string? LinkedInPosition, IReadOnlyList<(DateTime AtUtc, ContactEventKind Kind, string Text)> Events,
    VCardPhoto? Photo = null);

public static class ContactVCard
{
    private const string DateFormat = "yyyy-MM-dd";

    public static VCard ToCard(ContactCardData data)
    {
        var c = data.Contact;
        var card = new VCard();
        card.Add("UID", "urn:uuid:" + c.Uid.ToString("D"));
        card.Add("FN", c.FullName);
        card.AddStructured("N", [c.LastName ?? "", c.FirstName, "", "", ""]);
        if (c.OrganizationName is not null) card.AddStructured("ORG", [c.OrganizationName]);
        if (c.Title is not null) card.Add("TITLE", c.Title);
        foreach (var email in data.Emails) card.Add("EMAIL", email.Value, parameters: Typed(email.Label));
        foreach (var phone in data.Phones) AddPhone(card, phone.Label, phone.Value);
        if (c.City is not null) card.AddStructured("ADR", ["", "", "", c.City, "", "", ""]);
        if (c.LinkedInUrl is not null) card.Add("URL", c.LinkedInUrl, parameters: Typed("linkedin"));
        // vCard 4.0 carries a photo inline as a data: URI.
        if (data.Photo is { } photo) card.Add("PHOTO", $"data:{photo.ContentType};base64,{Convert.ToBase64String(photo.Bytes)}");
        if (data.Tags.Count > 0) card.AddList("CATEGORIES", data.Tags);
        if (c.Notes is not null) card.Add("NOTE", c.Notes);
        if (c.Source is { } source) card.Add("X-RAPPORT-SOURCE", source.ToString());
        if (c.Priority != Priority.Normal) card.Add("X-RAPPORT-PRIORITY", c.Priority.ToString());
        if (c.DoNotContact) card.Add("X-RAPPORT-DO-NOT-CONTACT", "true");
        if (c.AlumniOf is not null) card.Add("X-RAPPORT-ALUMNI-OF", c.AlumniOf);
        foreach (var field in data.FieldNames) card.Add("X-RAPPORT-FIELD", field);
        if (data.ReferredBy is { } referrer) card.Add("X-RAPPORT-REFERRED-BY", "urn:uuid:" + referrer.Uid.ToString("D"));
        if (c.ConnectedOn is { } connected) card.Add("X-RAPPORT-CONNECTED-ON", connected.ToString(DateFormat, CultureInfo.InvariantCulture));
        if (c.LastContactedOn is { } last) card.Add("X-RAPPORT-LAST-CONTACT", last.ToString(DateFormat, CultureInfo.InvariantCulture));
        if (c.LinkedInCompany is not null) card.Add("X-RAPPORT-LINKEDIN-COMPANY", c.LinkedInCompany);
        if (c.LinkedInPosition is not null) card.Add("X-RAPPORT-LINKEDIN-POSITION", c.LinkedInPosition);
        foreach (var e in data.Events)
        {
            card.Add("X-RAPPORT-EVENT", e.Text, parameters: new Dictionary<string, IReadOnlyList<string>>
            {
                ["KIND"] = [e.Kind.ToString()],
                ["AT"] = [e.AtUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)],
            });
        }
        return card;
    }

    /// <summary>Reads a card into a contact, or says why it cannot ("has no name").</summary>
    public static (CardContact? Contact, string? Problem) FromCard(VCard card)
    {
        var (first, last) = Names(card);
        if (first is null) return (null, $"Line {card.Line}: the card has no name (no FN or N).");

        var emails = Labelled(card, "EMAIL");
        var phones = Labelled(card, "TEL").Select(p => (p.Label, Value: VCardTel.Number(p.Value))).Where(p => p.Value.Length > 0).ToList();
        string? linkedIn = null;
        foreach (var url in card.All("URL"))
        {
            linkedIn ??= LinkedInProfileUrl.Normalize(url.Value);
        }
        var city = card.All("ADR").Select(a => a.Components.Count > 3 ? a.Components[3] : null).FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));
        var tags = card.All("CATEGORIES").SelectMany(c => c.Components).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToList();
        var events = card.All("X-RAPPORT-EVENT").Select(ReadEvent).OfType<(DateTime, ContactEventKind, string)>().ToList();

        return (new CardContact(
            card.Line,
            ReadUid(card.First("UID")?.Value),
            first, last,
            Text(card, "TITLE"),
            card.First("ORG")?.Components.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c))?.Trim(),
            city?.Trim(),
            linkedIn, emails, phones, tags,
            card.All("X-RAPPORT-FIELD").Select(f => f.Value.Trim()).Where(f => f.Length > 0).ToList(),
            card.First("NOTE")?.Value is { Length: > 0 } note && !string.IsNullOrWhiteSpace(note) ? note : null,
            Enum.TryParse<ContactSource>(Text(card, "X-RAPPORT-SOURCE"), true, out var source) && Enum.IsDefined(source) ? source : null,
            Enum.TryParse<Priority>(Text(card, "X-RAPPORT-PRIORITY"), true, out var priority) && Enum.IsDefined(priority) ? priority : null,
            string.Equals(Text(card, "X-RAPPORT-DO-NOT-CONTACT"), "true", StringComparison.OrdinalIgnoreCase),
            Text(card, "X-RAPPORT-ALUMNI-OF"),
            ReadUid(Text(card, "X-RAPPORT-REFERRED-BY")),
            ReadDate(Text(card, "X-RAPPORT-CONNECTED-ON")),
            ReadDate(Text(card, "X-RAPPORT-LAST-CONTACT")),
            Text(card, "X-RAPPORT-LINKEDIN-COMPANY"),
            Text(card, "X-RAPPORT-LINKEDIN-POSITION"),
            events, card.Photo), null);
    }

    /// <summary>N's given and family names; from FN alone, the last word is taken as the family name.</summary>
    private static (string? First, string? Last) Names(VCard card)
    {
        if (card.GivenName is { } given) return (given.Trim(), card.FamilyName?.Trim());
        var full = card.FormattedName?.Trim() ?? card.FamilyName?.Trim();
        if (string.IsNullOrEmpty(full)) return (null, null);
        var space = full.LastIndexOf(' ');
        return space > 0 ? (full[..space].Trim(), full[(space + 1)..]) : (full, null);
    }

    /// <summary>The label of an EMAIL or TEL: its TYPE as written (minus "pref" and "internet"), or
    /// Apple's X-ABLabel in the same group.</summary>
    private static List<(string? Label, string Value)> Labelled(VCard card, string name) => card.All(name)
        .Where(p => !string.IsNullOrWhiteSpace(p.Value))
        .Select(p =>
        {
            var label = p.Parameters.TryGetValue("TYPE", out var types)
                ? types.SelectMany(t => t.Split(',')).Select(t => t.Trim())
                    .FirstOrDefault(t => t.Length > 0 && !string.Equals(t, "pref", StringComparison.OrdinalIgnoreCase)
                        && !string.Equals(t, "internet", StringComparison.OrdinalIgnoreCase) && !string.Equals(t, "voice", StringComparison.OrdinalIgnoreCase))
                : null;
            if (p.Group is not null)
                label = card.Properties.FirstOrDefault(x => x.Group == p.Group && x.Name == "X-ABLABEL")?.Value.Trim('_', '$', '!', '<', '>') ?? label;
            return (string.IsNullOrWhiteSpace(label) ? null : label, p.Value.Trim());
        })
        .ToList();

    private static string? Text(VCard card, string name) =>
        card.First(name)?.Value is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>A number that is a tel: URI as written goes out as one (VALUE=uri, as vCard 4.0 expects); any other stays
    /// text, said so (readers such as ical.js take an untyped 4.0 TEL for a URI).</summary>
    private static void AddPhone(VCard card, string? label, string number)
    {
        var uri = VCardTel.AsUri(number);
        var parameters = Typed(label) ?? [];
        parameters["VALUE"] = [uri is null ? "text" : "uri"];
        card.Add("TEL", uri ?? number, parameters: parameters);
    }

    private static Dictionary<string, IReadOnlyList<string>>? Typed(string? label) =>
        string.IsNullOrWhiteSpace(label) ? null : new() { ["TYPE"] = [label] };

    private static Guid? ReadUid(string? value)
    {
        if (value is null) return null;
        var text = value.StartsWith("urn:uuid:", StringComparison.OrdinalIgnoreCase) ? value[9..] : value;
        return Guid.TryParse(text, out var uid) ? uid : null;
    }

    private static DateOnly? ReadDate(string? value) =>
        DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static (DateTime, ContactEventKind, string)? ReadEvent(VCardProperty property)
    {
        if (!property.Parameters.TryGetValue("KIND", out var kinds) || !Enum.TryParse<ContactEventKind>(kinds.FirstOrDefault(), true, out var kind)
            || !Enum.IsDefined(kind)) return null;
        if (!property.Parameters.TryGetValue("AT", out var at)
            || !DateTime.TryParse(at.FirstOrDefault(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var when))
            return null;
        return (DateTime.SpecifyKind(when, DateTimeKind.Utc), kind, property.Value);
    }
}
