namespace Rapport.UnitTests.Formats.VCard;

using Rapport.Formats.VCard;

/// <summary>Cards that exercise the writer: scripts from four writing systems, escapes, parameters, long lines.</summary>
internal static class SampleCards
{
    /// <summary>200 characters of three UTF-8 bytes each: 600 octets, so several folds.</summary>
    public static readonly string LongTitle = string.Concat(Enumerable.Repeat("雪", 200));

    public static List<VCard> Rich() =>
    [
        new VCard()
            .Add("FN", "Zoë Saldaña")
            .AddStructured("N", ["Saldaña", "Zoë", "", "Dr.", ""])
            .Add("EMAIL", "zoe@example.com", parameters: Parameters(("TYPE", ["work", "pref"])))
            .Add("EMAIL", "zoe.home@example.com", parameters: Parameters(("TYPE", ["home"])))
            .Add("TEL", "+1 555 0100", parameters: Parameters(("TYPE", ["cell"]), ("PREF", ["1"])))
            .Add("TEL", "tel:+1-555-0101", parameters: Parameters(("TYPE", ["work,voice"]), ("VALUE", ["uri"])))
            .AddStructured("ORG", ["Acme, Inc.", "R&D; Labs"])
            .Add("NOTE", "First line\nC:\\Users\\zoe\\notes.txt\\n is not a newline\nThird; with a comma, and a \\ at the end \\")
            .Add("URL", "https://example.com/zoë?a=1&b=2,3")
            .AddList("CATEGORIES", ["Friends, old", "Work", "VIP"])
            .Add("X-SKYPE", "zoe.s", parameters: Parameters(
                ("X-SERVICE-TYPE", ["Skype"]),
                ("X-LABEL", ["He said \"hi\"; ok:yes\nbye ^_^"])))
            .Add("TITLE", LongTitle)
            .AddStructured("ADR", ["", "", "1 Main St\nApt 2", "Springfield", "IL", "62701", "USA"], parameters: Parameters(("TYPE", ["home"])))
            .Add("X-ABLabel", "Work", group: "item1")
            .Add("EMAIL", "item@example.com", group: "item1"),
        new VCard()
            .Add("FN", "王秀英")
            .AddStructured("N", ["王", "秀英", "", "", ""])
            .Add("EMAIL", "wang@example.cn")
            .AddList("CATEGORIES", ["家人"]),
        new VCard()
            .Add("FN", "محمد")
            .AddStructured("N", ["", "محمد", "", "", ""])
            .Add("NOTE", "مرحبا\nسطر ثان"),
        new VCard()
            .Add("FN", "👩🏽‍💻 Dev")
            .Add("NOTE", string.Concat(Enumerable.Repeat("👩🏽‍💻é", 40)))
            .AddStructured("ORG", ["Solo"]),
    ];

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Parameters(params (string Name, string[] Values)[] parameters) =>
        parameters.ToDictionary(p => p.Name, p => (IReadOnlyList<string>)p.Values);
}
