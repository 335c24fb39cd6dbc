using Rapport.Features.ImportExport;
using Rapport.Formats.LinkedIn;

namespace Rapport.UnitTests.Features.ImportExport;

public class HistoryContactsTests
{
    private static HistoryContacts Contacts()
    {
        var contacts = new HistoryContacts();
        contacts.Add(1, LinkedInProfileUrl.Normalize("https://www.linkedin.com/in/ada-lovelace/"), "Ada Lovelace");
        contacts.Add(2, null, "Zoë Saldaña");
        contacts.Add(3, null, "John Smith");
        contacts.Add(4, null, "John Smith");
        contacts.Add(-1, "https://www.linkedin.com/in/grace", "Grace Hopper");
        return contacts;
    }

    [Theory]
    [InlineData("https://uk.linkedin.com/in/Ada-Lovelace/")]
    [InlineData("http://linkedin.com/in/ada-lovelace")]
    [InlineData("HTTPS://WWW.LINKEDIN.COM/IN/ADA-LOVELACE/?trk=x")]
    public void A_profile_address_matches_whatever_its_spelling(string url) =>
        Assert.Equal(1, Contacts().Find(LinkedInProfileUrl.Normalize(url), "Someone Else"));

    [Theory]
    [InlineData("Zoë Saldaña")]
    [InlineData("ZOE SALDANA")]
    [InlineData("ZoÃ« SaldaÃ±a")]
    public void Without_a_known_address_the_name_matches_even_double_encoded(string name) =>
        Assert.Equal(2, Contacts().Find("https://www.linkedin.com/in/unknown", name));

    [Fact]
    public void A_name_two_contacts_share_matches_neither() =>
        Assert.Null(Contacts().Find(null, "John Smith"));

    [Fact]
    public void A_contact_the_same_import_adds_matches_by_address() =>
        Assert.Equal(-1, Contacts().Find("https://www.linkedin.com/in/grace", "G. Hopper"));

    [Fact]
    public void Someone_unknown_matches_no_one() =>
        Assert.Null(Contacts().Find("https://www.linkedin.com/in/alan", "Alan Turing"));
}
