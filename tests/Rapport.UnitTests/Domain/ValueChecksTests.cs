using Rapport.Domain;

namespace Rapport.UnitTests.Domain;

/// <summary>The one set of checks per object that every way in (forms, restore, imports) meets.</summary>
public class ValueChecksTests
{
    [Theory]
    [InlineData("https://example.com")]
    [InlineData("http://example.com/path?q=1#x")]
    [InlineData("HTTPS://EXAMPLE.COM")]
    [InlineData("  https://example.com  ")]
    public void A_web_link_is_an_absolute_http_or_https_address(string url) => Assert.True(WebAddress.IsWebLink(url));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("mailto:ada@example.com")]
    [InlineData("file:///etc/passwd")]
    [InlineData("example.com")]
    [InlineData("//example.com")]
    [InlineData("https://")]
    [InlineData("https:example.com")]
    [InlineData("https://exa mple.com")]
    [InlineData("not a link")]
    [InlineData("")]
    public void Anything_else_is_not_a_web_link(string url) => Assert.False(WebAddress.IsWebLink(url));

    [Fact]
    public void An_organization_with_a_script_website_or_a_score_out_of_range_names_each_field()
    {
        var organization = new Organization { Name = "Acme", Website = "javascript:alert(1)", Motivation = 4, Postings = 0 };
        var problems = OrganizationChecks.Of(organization).ToList();
        Assert.Equal(["Website", "Motivation", "Postings"], problems.Select(p => p.Property));
        Assert.Equal("Enter a web address like https://example.com.", problems[0].Message);
        Assert.Empty(OrganizationChecks.Of(new Organization { Name = "Acme", Website = "https://acme.example", Motivation = 3, Postings = 1 }));
        Assert.Empty(OrganizationChecks.Of(new Organization { Name = "Acme" }));
    }

    [Fact]
    public void A_contact_with_a_script_linkedin_address_or_a_date_out_of_range_is_refused()
    {
        var contact = new Contact { FirstName = "Ada", LinkedInUrl = "javascript:alert(1)", LastContactedOn = new DateOnly(9999, 12, 31), ConnectedOn = new DateOnly(1, 1, 1) };
        Assert.Equal(["LinkedInUrl", "LastContactedOn", "ConnectedOn"], ContactChecks.Of(contact).Select(p => p.Property));
        Assert.Empty(ContactChecks.Of(new Contact { FirstName = "Ada", LinkedInUrl = "https://www.linkedin.com/in/ada", LastContactedOn = new DateOnly(2026, 3, 1) }));
    }

    [Fact]
    public void A_career_field_link_must_be_a_web_link()
    {
        Assert.Equal("Enter a web address starting with https:// or http://.", Assert.Single(CareerFieldLinkChecks.Of(new CareerFieldLink { Url = "javascript:alert(1)" })).Message);
        Assert.Single(CareerFieldLinkChecks.Of(new CareerFieldLink { Url = "" }));
        Assert.Empty(CareerFieldLinkChecks.Of(new CareerFieldLink { Url = "https://example.org/x" }));
    }

    [Theory]
    [InlineData(-5, false)]
    [InlineData(0, false)]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(240, true)]
    [InlineData(241, false)]
    [InlineData(int.MaxValue, false)]
    public void A_meeting_lasts_as_long_as_the_schedule_form_allows(int minutes, bool fine) =>
        Assert.Equal(fine, ConversationChecks.Duration(minutes) is null);

    [Theory]
    [InlineData(1899, false)]
    [InlineData(1900, true)]
    [InlineData(2026, true)]
    [InlineData(2200, true)]
    [InlineData(2201, false)]
    [InlineData(9999, false)]
    public void A_meeting_starts_within_the_years_the_forms_accept(int year, bool fine)
    {
        Assert.Equal(fine, ConversationChecks.MeetingStart(new DateTime(year, 6, 1, 10, 0, 0, DateTimeKind.Utc)) is null);
        Assert.Equal(fine, ConversationChecks.MeetingDate(new DateOnly(year, 6, 1)) is null);
    }

    [Fact]
    public void A_conversation_names_every_value_it_may_not_hold()
    {
        var conversation = new Conversation
        {
            VideoLink = "javascript:alert(1)", DurationMinutes = -5, MeetingStartUtc = new DateTime(9999, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            TimeZoneId = "Mars/Olympus_Mons", FitRating = 6,
        };
        Assert.Equal(["VideoLink", "DurationMinutes", "MeetingStartUtc", "TimeZoneId", "FitRating"], ConversationChecks.Of(conversation).Select(p => p.Property));
        Assert.False(ConversationChecks.IsCalendarReady(conversation));
        Assert.Empty(ConversationChecks.Of(new Conversation { VideoLink = "https://meet.example/abc", MeetingStartUtc = new DateTime(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc), TimeZoneId = "Europe/Berlin" }));
    }

    [Fact]
    public void A_task_is_due_within_the_years_the_forms_accept()
    {
        Assert.Equal(["DueUtc"], FollowUpTaskChecks.Of(new FollowUpTask { DueUtc = DateTime.MaxValue }).Select(p => p.Property));
        Assert.Empty(FollowUpTaskChecks.Of(new FollowUpTask { DueUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) }));
    }

    [Fact]
    public void Checks_are_found_by_the_object_and_an_object_without_checks_has_no_problems()
    {
        Assert.Single(ValueChecks.Of(new CareerFieldLink { Url = "data:text/html,x" }));
        Assert.Empty(ValueChecks.Of(new Promise { Text = "Send the report" }));
    }
}
