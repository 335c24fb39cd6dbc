using Rapport.Domain;

namespace Rapport.UnitTests.Domain;

public class ContactTests
{
    [Theory]
    [InlineData("Ada", "Lovelace", "Ada Lovelace")]
    [InlineData("Ada", null, "Ada")]
    [InlineData("Ada", "", "Ada")]
    [InlineData("", "Hopper", " Hopper")]
    public void The_full_name_is_first_and_last_or_the_first_alone(string first, string? last, string expected)
    {
        Assert.Equal(expected, Contact.FullNameOf(first, last));
        Assert.Equal(expected, new Contact { FirstName = first, LastName = last }.FullName);
    }

    [Fact]
    public void Being_in_touch_moves_last_in_touch_forward_only()
    {
        var contact = new Contact();
        contact.MarkInTouch(new DateOnly(2026, 3, 10));
        Assert.Equal(new DateOnly(2026, 3, 10), contact.LastContactedOn);
        contact.MarkInTouch(new DateOnly(2026, 3, 2));
        Assert.Equal(new DateOnly(2026, 3, 10), contact.LastContactedOn);
        contact.MarkInTouch(new DateOnly(2026, 3, 12));
        Assert.Equal(new DateOnly(2026, 3, 12), contact.LastContactedOn);
    }

    [Fact]
    public void A_logged_call_goes_on_the_timeline_and_counts_as_in_touch()
    {
        var contact = new Contact { LastContactedOn = new DateOnly(2026, 3, 12) };
        var at = new DateTime(2026, 3, 5, 12, 0, 0, DateTimeKind.Utc);
        contact.LogInteraction(new DateOnly(2026, 3, 5), at, "Call: about the role");
        var entry = Assert.Single(contact.Events);
        Assert.Equal((ContactEventKind.Interaction, at, "Call: about the role"), (entry.Kind, entry.OccurredAtUtc, entry.Text));
        Assert.Equal(new DateOnly(2026, 3, 12), contact.LastContactedOn);
    }

    private static Organization Named(string name)
    {
        var organization = new Organization();
        organization.Rename(name);
        return organization;
    }

    [Fact]
    public void Working_elsewhere_compares_organizations_by_their_folded_name()
    {
        var acme = Named("Acme Corp");
        Assert.False(new Contact { Organization = Named("acme  corp") }.WorksElsewhereThan(acme));
        Assert.True(new Contact { Organization = Named("Globex") }.WorksElsewhereThan(acme));
        Assert.True(new Contact { Organization = null }.WorksElsewhereThan(acme));
        Assert.False(new Contact { Organization = Named("Globex") }.WorksElsewhereThan(null));
    }

    [Fact]
    public void A_move_keeps_the_job_left_and_says_so_on_the_timeline()
    {
        var at = new DateTime(2026, 3, 5, 12, 0, 0, DateTimeKind.Utc);
        var contact = new Contact { Title = "Lead", Organization = Named("Globex") };
        contact.RecordMove("Analyst", "Acme", at);
        var kept = Assert.Single(contact.PastPositions);
        Assert.Equal(("Acme", "acme", "Analyst", at), (kept.OrganizationName, kept.OrganizationKey, kept.Title, kept.LeftByUtc));
        var entry = Assert.Single(contact.Events);
        Assert.Equal((ContactEventKind.JobChange, "Moved from Analyst at Acme to Lead at Globex"), (entry.Kind, entry.Text));
    }

    [Fact]
    public void A_move_with_no_organization_left_keeps_only_the_sentence()
    {
        var contact = new Contact();
        contact.RecordMove("Analyst", null, "Moved from Analyst to Lead", DateTime.UnixEpoch);
        Assert.Empty(contact.PastPositions);
        Assert.Equal("Moved from Analyst to Lead", Assert.Single(contact.Events).Text);
    }
}
