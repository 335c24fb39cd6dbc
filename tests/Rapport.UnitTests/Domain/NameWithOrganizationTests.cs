using System.Diagnostics;
using Rapport.Domain;

namespace Rapport.UnitTests.Domain;

public class NameWithOrganizationTests
{
    [Theory]
    [InlineData("Ada Lovelace (Analytical Engines)", "Ada Lovelace", "Analytical Engines")]
    [InlineData("Ada Lovelace", "Ada Lovelace", null)]
    [InlineData("", "", null)]
    [InlineData("   ", "", null)]
    public void A_bracket_at_the_end_is_the_organization(string typed, string name, string? organization) =>
        Assert.Equal(new NameWithOrganization(name, organization), NameWithOrganization.Parse(typed));

    [Theory]
    [InlineData("  Ada Lovelace (Acme)   ", "Ada Lovelace", "Acme")]
    [InlineData("Ada Lovelace    (Acme)", "Ada Lovelace", "Acme")]
    [InlineData("Ada Lovelace ( Acme  )", "Ada Lovelace", "Acme")]
    public void Spaces_around_the_parts_do_not_count(string typed, string name, string organization) =>
        Assert.Equal(new NameWithOrganization(name, organization), NameWithOrganization.Parse(typed));

    [Theory]
    [InlineData("Ada (Acme (UK))", "Ada", "Acme (UK)")]
    [InlineData("Robert (Bob) Smith (Acme)", "Robert (Bob) Smith", "Acme")]
    [InlineData("Ada (Acme) (UK)", "Ada (Acme)", "UK")]
    public void Brackets_inside_the_organization_are_paired(string typed, string name, string organization) =>
        Assert.Equal(new NameWithOrganization(name, organization), NameWithOrganization.Parse(typed));

    [Theory]
    [InlineData("Ada (Acme))", "Ada", "Acme)")]
    [InlineData("Ada ((Acme)", "Ada", "(Acme")]
    public void Unpaired_brackets_fall_back_to_the_last_space_and_bracket(string typed, string name, string organization) =>
        Assert.Equal(new NameWithOrganization(name, organization), NameWithOrganization.Parse(typed));

    [Theory]
    [InlineData("(Acme)")]
    [InlineData("Ada(Acme)")]
    [InlineData("Ada ()")]
    [InlineData("Ada (   )")]
    [InlineData("Ada (Acme")]
    [InlineData("Ada Acme)")]
    [InlineData(")")]
    [InlineData("(")]
    public void Without_a_name_and_an_organization_it_is_all_name(string typed) =>
        Assert.Equal(new NameWithOrganization(typed.Trim(), null), NameWithOrganization.Parse(typed));

    [Fact]
    public void The_keys_are_folded_as_the_database_holds_them()
    {
        var parsed = NameWithOrganization.Parse("Zoë  SALDANA (Café Ltd)");
        Assert.Equal(("zoe saldana", "cafe ltd"), (parsed.NameKey, parsed.OrganizationKey));
        Assert.Null(NameWithOrganization.Parse("Zoë").OrganizationKey);
    }

    [Fact]
    public void Long_input_is_read_in_one_pass()
    {
        var brackets = new string('(', 200_000) + " " + new string(')', 200_001);
        var words = string.Concat(Enumerable.Repeat("Ada (Acme) ", 50_000)) + "(Globex)";
        var timer = Stopwatch.StartNew();
        Assert.Equal(new NameWithOrganization(brackets, null), NameWithOrganization.Parse(brackets));
        Assert.Equal("Globex", NameWithOrganization.Parse(words).Organization);
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(1), $"took {timer.Elapsed}");
    }
}
