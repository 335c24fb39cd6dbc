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
}
