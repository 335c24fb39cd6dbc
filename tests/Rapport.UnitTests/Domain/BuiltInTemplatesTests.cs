using Rapport.Domain;

namespace Rapport.UnitTests.Domain;

public class BuiltInTemplatesTests
{
    // Realistic values with 10-12 character names, so lengths are tested near the long end.
    private static readonly Dictionary<string, string?> Typical = new(StringComparer.Ordinal)
    {
        ["me.first_name"] = "Christopher",
        ["me.full_name"] = "Christopher Nakamura",
        ["me.introduction"] = "I'm finishing a degree in environmental science at Sacramento State.",
        ["me.availability"] = "Tuesday or Thursday afternoons",
        ["contact.first_name"] = "Alexandrina",
        ["contact.last_name"] = "Okonkwo",
        ["contact.full_name"] = "Alexandrina Okonkwo",
        ["contact.title"] = "Senior Planner",
        ["contact.organization"] = "Hartwell Civic",
        ["contact.school"] = "Sacramento State",
        ["referrer.first_name"] = "Maximilian",
        ["referrer.full_name"] = "Maximilian Ferreira",
        ["referrer.may_use_name"] = "yes",
        ["organization.name"] = "Hartwell Civic",
        ["field.name"] = "environmental policy",
        ["meeting.length"] = "30 minutes",
        ["meeting.time"] = "Tuesday 14 May at 10:00",
        ["meeting.place"] = "Temple Coffee on K Street",
        ["conversation.learned"] = "most planners start in a county office before moving to a city",
        ["promise.text"] = "the article on housing near transit I mentioned",
        ["outcome.text"] = "I accepted a junior planner role with the City of Sacramento",
    };

    public static TheoryData<string> Keys => [.. BuiltInTemplates.All.Select(t => t.Key)];

    public static TheoryData<string> RequestEmails => ["request-referral-email", "request-alumni-email", "request-cold-email"];

    private static BuiltInTemplate Get(string key) => BuiltInTemplates.Find(key) ?? throw new KeyNotFoundException(key);

    [Fact]
    public void The_set_covers_every_step_of_outreach_under_stable_keys()
    {
        string[] expected =
        [
            "request-referral-email", "request-alumni-email", "request-cold-email", "linkedin-invitation-note",
            "phone-call-script", "voicemail-script", "introduction-request", "follow-up-no-reply", "thank-you-email",
            "thank-you-card", "promise-cover-note", "keep-in-touch", "close-the-loop",
        ];
        Assert.Equal(expected, BuiltInTemplates.All.Select(t => t.Key));
    }

    [Fact]
    public void Keys_are_unique_kebab_case()
    {
        Assert.Equal(BuiltInTemplates.All.Count, BuiltInTemplates.All.Select(t => t.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(BuiltInTemplates.All, t =>
        {
            Assert.All(t.Key, c => Assert.True(c is >= 'a' and <= 'z' or '-', t.Key));
            Assert.DoesNotContain("--", t.Key, StringComparison.Ordinal);
            Assert.False(t.Key.StartsWith('-') || t.Key.EndsWith('-'), t.Key);
        });
    }

    [Fact]
    public void Every_purpose_has_a_template() =>
        Assert.All(Enum.GetValues<TemplatePurpose>(), p => Assert.Contains(BuiltInTemplates.All, t => t.Purpose == p));

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_template_validates_cleanly(string key)
    {
        var template = Get(key);
        Assert.Empty(MessageTemplate.Validate(template.Body));
        Assert.Empty(MessageTemplate.Validate(template.Subject));
        Assert.False(string.IsNullOrWhiteSpace(template.Name));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Typical_values_fill_every_field_leaving_no_placeholder(string key)
    {
        var template = Get(key);
        Assert.Empty(MessageTemplate.MissingFields(template.Body, Typical));
        Assert.DoesNotContain("{{", MessageTemplate.Render(template.Body, Typical), StringComparison.Ordinal);
        Assert.DoesNotContain("[", MessageTemplate.Render(template.Subject, Typical, isSubject: true), StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_sent_by_email_have_a_subject_and_notes_scripts_and_cards_do_not() =>
        Assert.All(BuiltInTemplates.All, t =>
            Assert.Equal(t.Channel is Channel.Email or Channel.Introduction, !string.IsNullOrWhiteSpace(t.Subject)));

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_subject_stays_one_line_whatever_the_values(string key)
    {
        var hostile = Typical.ToDictionary(v => v.Key, v => (string?)(v.Value + "\r\nBcc: victim@example.com"), StringComparer.Ordinal);
        var subject = MessageTemplate.Render(Get(key).Subject, hostile, isSubject: true);
        Assert.DoesNotContain('\n', subject);
        Assert.DoesNotContain('\r', subject);
    }

    [Theory]
    [MemberData(nameof(RequestEmails))]
    public void Request_emails_pass_every_email_check_with_typical_values(string key)
    {
        var body = MessageTemplate.Render(Get(key).Body, Typical);
        Assert.All(EmailCheck.Review(body, "Alexandrina"), r => Assert.True(r.Passed, $"{key}: {r.Rule}: {r.Hint}"));
    }

    [Theory]
    [MemberData(nameof(RequestEmails))]
    public void Request_emails_stay_under_100_words_with_a_two_sentence_introduction(string key)
    {
        var values = new Dictionary<string, string?>(Typical, StringComparer.Ordinal)
        {
            ["me.introduction"] = "I'm finishing a degree in information science and exploring UX research and data analysis. "
                + "I'd love to hear how you got into your field.",
        };
        var body = MessageTemplate.Render(Get(key).Body, values);
        Assert.True(EmailCheck.Review(body, "Alexandrina").Single(r => r.Rule == EmailCheck.LengthRule).Passed, body);
    }

    [Fact]
    public void Every_request_asks_for_advice_not_a_job_and_for_the_agreed_length()
    {
        var requests = BuiltInTemplates.All.Where(t => t.Purpose is TemplatePurpose.Request or TemplatePurpose.IntroductionRequest).ToList();
        Assert.Equal(7, requests.Count);
        Assert.All(requests, t =>
        {
            var body = MessageTemplate.Render(t.Body, Typical);
            Assert.True(EmailCheck.Review(body).Single(r => r.Rule == EmailCheck.AdviceRule).Passed, t.Key);
            Assert.Contains("job", body, StringComparison.Ordinal);
            if (t.Purpose == TemplatePurpose.Request)
                Assert.Contains("{{meeting.length}}", t.Body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_linkedin_note_fits_the_free_limit_with_long_realistic_names()
    {
        var values = new Dictionary<string, string?>(Typical, StringComparer.Ordinal)
        {
            ["contact.first_name"] = "Maximiliana", // 11
            ["me.first_name"] = "Christabelle", // 12
            ["field.name"] = "environmental engineering",
        };
        var note = MessageTemplate.Render(Get("linkedin-invitation-note").Body, values);

        Assert.InRange(note.Length, 100, BuiltInTemplates.LinkedInNoteLimit);
        Assert.DoesNotContain('\n', note);
    }

    [Theory]
    [InlineData("request-referral-email", "referrer.full_name")]
    [InlineData("request-alumni-email", "contact.school")]
    [InlineData("introduction-request", "contact.full_name")]
    [InlineData("thank-you-email", "conversation.learned")]
    [InlineData("promise-cover-note", "promise.text")]
    [InlineData("close-the-loop", "outcome.text")]
    public void Each_template_uses_the_field_its_purpose_needs(string key, string field) =>
        Assert.Contains(field, MessageTemplate.FieldsUsed(Get(key).Body));

    [Theory]
    [InlineData("request-referral-email", "Maximilian Ferreira suggested")]
    [InlineData("request-alumni-email", "I found you through the Sacramento State alumni network")]
    [InlineData("request-cold-email", "I came across your profile on LinkedIn")]
    [InlineData("phone-call-script", "Maximilian Ferreira gave me your name")]
    [InlineData("voicemail-script", "Maximilian Ferreira gave me your name")]
    public void A_request_says_early_how_the_person_got_the_name(string key, string connection)
    {
        var body = MessageTemplate.Render(Get(key).Body, Typical);
        var at = body.IndexOf(connection, StringComparison.Ordinal);
        Assert.InRange(at, 0, 80);
    }

    [Fact]
    public void Find_matches_the_key_exactly()
    {
        Assert.Equal("thank-you-card", BuiltInTemplates.Find("thank-you-card")?.Key);
        Assert.Null(BuiltInTemplates.Find("Thank-You-Card"));
        Assert.Null(BuiltInTemplates.Find("no-such-template"));
    }
}
