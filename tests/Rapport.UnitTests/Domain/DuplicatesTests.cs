using Rapport.Domain;

namespace Rapport.UnitTests.Domain;

public class DuplicatesTests
{
    private static DuplicateKeys Person(int id, string name, string? org = null, string? url = null, params string[] emails) =>
        new(id, Folding.Fold(name), org is null ? null : Organization.Normalize(org), url, emails);

    [Fact]
    public void The_same_profile_or_a_shared_email_is_a_likely_duplicate()
    {
        var pairs = Duplicates.Find(
        [
            Person(1, "Ada Lovelace", url: "https://www.linkedin.com/in/ada"),
            Person(2, "A. King", url: "https://www.linkedin.com/in/ada"),
            Person(3, "Grace Hopper", emails: "grace@example.org"),
            Person(4, "Amazing Grace", emails: "grace@example.org"),
            Person(5, "Nobody Else", emails: "nobody@example.org"),
        ]);
        Assert.Equal([(1, 2), (3, 4)], pairs.Select(p => (p.FirstId, p.SecondId)));
        Assert.Contains("LinkedIn", pairs[0].Reason);
        Assert.Contains("grace@example.org", pairs[1].Reason);
    }

    [Theory]
    [InlineData("john smith", "jon smith", true)]
    [InlineData("amara okafor", "a. okafor", true)]
    [InlineData("zoe saldana", "zoe saldana", true)]
    [InlineData("ann lee", "dan lee", false)]
    [InlineData("john smith", "jane smith", false)]
    [InlineData("john smith", "john smithson", false)]
    public void Similar_names_allow_a_typo_or_an_initial(string a, string b, bool similar) =>
        Assert.Equal(similar, Duplicates.SimilarNames(a, b));

    [Fact]
    public void Similar_names_count_only_at_the_same_organization()
    {
        var pairs = Duplicates.Find([Person(1, "John Smith", "Acme"), Person(2, "Jon Smith", "ACME "), Person(3, "John Smith", "Globex"), Person(4, "John Smith")]);
        Assert.Equal([(1, 2)], pairs.Select(p => (p.FirstId, p.SecondId)));
    }

    [Fact]
    public void Edit_distance_stops_early_past_its_limit()
    {
        Assert.Equal(1, Duplicates.EditDistance("kitten", "sitten", 2));
        Assert.Equal(3, Duplicates.EditDistance("kitten", "sitting", 2));
        Assert.Equal(3, Duplicates.EditDistance("abc", "abcdefgh", 2));
    }
}
