using Rapport.Data;
using Rapport.Domain;

namespace Rapport.UnitTests.Domain;

public class ContactSearchTests
{
    [Fact]
    public void Search_text_holds_everything_a_person_may_type_folded()
    {
        var contact = new Contact { FirstName = "Zoë", LastName = "Saldaña", Title = "Exhibit Designer", City = "Lisboa", AlumniOf = "Universidade", Notes = "Loves CERAMICS" };
        contact.Tags.Add(ContactTag.Named("Curator"));
        contact.Emails.Add(new ContactEmail { Address = "Zoe@Example.com" });
        contact.RefreshSearch("Harbor Museum");
        Assert.Equal("zoe saldana", contact.SearchKey);
        foreach (var part in new[] { "zoe saldana", "harbor museum", "exhibit designer", "lisboa", "universidade", "curator", "zoe@example.com", "loves ceramics" })
            Assert.Contains(part, contact.SearchText);
    }

    [Theory]
    [InlineData("  Ada   LOVELACE ", new[] { "ada", "lovelace" })]
    [InlineData("100%", new[] { "100" })]
    [InlineData("a_b", new[] { "a", "b" })]
    [InlineData("ada ada", new[] { "ada" })]
    [InlineData("", new string[0])]
    public void Queries_split_into_folded_terms_without_wildcards(string query, string[] terms) =>
        Assert.Equal(terms, ContactFullText.Terms(query));

    [Fact]
    public void At_most_eight_terms_are_used()
    {
        Assert.Equal(8, ContactFullText.Terms(string.Join(' ', Enumerable.Range(0, 20).Select(i => "w" + i))).Count);
    }

    [Fact]
    public void Tags_fold_so_case_and_accents_make_one_tag()
    {
        Assert.Equal(ContactTag.Named("Café").NormalizedName, ContactTag.Named("CAFE").NormalizedName);
    }
}
