using Rapport.Domain;

namespace Rapport.UnitTests.Domain;

public class EmailCheckTests
{
    private const string Good =
        "Dear Ada,\n\n"
        + "Priya Raman suggested I write to you about your work in urban planning. I'm a senior at Sac State.\n\n"
        + "Your advice on how you got into the field would mean a lot; I'm asking for your insight, not a job.\n\n"
        + "Would you have 20 minutes in the next few weeks?\n\n"
        + "Thank you,\nSam";

    private static CheckResult Rule(string body, string rule, string? contactFirstName = null) =>
        EmailCheck.Review(body, contactFirstName).Single(r => r.Rule == rule);

    private static string WordsLong(int count) => string.Join(' ', Enumerable.Repeat("word", count));

    [Fact]
    public void Review_gives_five_results_in_the_agreed_order() =>
        Assert.Equal(
            [EmailCheck.LengthRule, EmailCheck.AdviceRule, EmailCheck.ConnectionRule, EmailCheck.QuestionRule, EmailCheck.AboutThemRule],
            EmailCheck.Review(Good).Select(r => r.Rule));

    [Fact]
    public void A_well_written_request_passes_every_rule_with_a_hint_for_each() =>
        Assert.All(EmailCheck.Review(Good, "Ada"), r =>
        {
            Assert.True(r.Passed, $"{r.Rule}: {r.Hint}");
            Assert.False(string.IsNullOrWhiteSpace(r.Hint));
        });

    [Fact]
    public void A_job_hunting_email_fails_several_rules_each_with_a_fix()
    {
        var results = EmailCheck.Review("Hi Ada,\n\nI am looking for a job. My skills are strong and I want to work at your company. Are there any openings?\n\nSam");
        Assert.Equal([true, false, false, true, false], results.Select(r => r.Passed));
        Assert.All(results, r => Assert.False(string.IsNullOrWhiteSpace(r.Hint)));
    }

    [Fact]
    public void No_body_is_reviewed_without_error() => Assert.Equal(5, EmailCheck.Review(null).Count);

    [Theory]
    [InlineData(1, true, false)]
    [InlineData(75, true, false)]
    [InlineData(76, true, true)]
    [InlineData(99, true, true)]
    [InlineData(100, false, true)]
    [InlineData(140, false, true)]
    public void Length_passes_under_100_words_and_points_to_75_above_it(int words, bool passes, bool points75)
    {
        var result = Rule(WordsLong(words), EmailCheck.LengthRule);
        Assert.Equal(passes, result.Passed);
        Assert.Equal(points75, result.Hint.Contains("75 is ideal", StringComparison.Ordinal) || result.Hint.Contains("75 or fewer", StringComparison.Ordinal));
        Assert.Contains(words.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Length_counts_words_not_dashes_or_spacing() =>
        Assert.Contains("4 words", Rule("one  -  two\n\nthree — four", EmailCheck.LengthRule).Hint, StringComparison.Ordinal);

    [Theory]
    [InlineData("I'd value your advice. Are there any openings on your team?", "openings")]
    [InlineData("I'd value your advice. Could you hire me?", "hire me")]
    [InlineData("I'd value your advice. Do you know of any JOB OPPORTUNITIES?", "job opportunities")]
    [InlineData("I'd value your advice. Is there a vacancy in your group?", "vacancy")]
    [InlineData("I'd value your advice. I am applying for the analyst position.", "applying for")]
    [InlineData("I'd value your advice. Are you hiring?", "hiring")]
    [InlineData("I'd love to learn how to land a job at your firm.", "land a job")]
    public void Asking_for_a_job_fails_and_the_hint_quotes_the_phrase(string body, string phrase)
    {
        var result = Rule(body, EmailCheck.AdviceRule);
        Assert.False(result.Passed);
        Assert.Contains(phrase, result.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I'm asking for your advice, not for a job.")]
    [InlineData("I am not looking for a job or an opening, just your insight.")]
    [InlineData("I don't expect any openings; I hope to learn from you.")]
    [InlineData("I want your perspective rather than a job at your firm.")]
    [InlineData("I'd love to hear about your job and your advice for newcomers.")]
    [InlineData("After the reopening of your lab, your experience would help me.")]
    public void Advice_passes_when_a_job_is_only_declined_or_a_topic(string body) =>
        Assert.True(Rule(body, EmailCheck.AdviceRule).Passed);

    [Fact]
    public void Advice_fails_when_it_never_says_what_the_person_hopes_to_gain()
    {
        var result = Rule("Could we meet for coffee next week?", EmailCheck.AdviceRule);
        Assert.False(result.Passed);
        Assert.Contains("advice", result.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hi Ada,\n\nPriya Raman suggested I write to you.")]
    [InlineData("Dear Dr. Chen,\n\nDr. Priya Raman referred me to you.")]
    [InlineData("Hello Ada, we met at the spring career fair.")]
    [InlineData("I'm a fellow Sac State alum studying planning.")]
    [InlineData("I read your article on transit and housing.")]
    [InlineData("I found your profile on LinkedIn.")]
    [InlineData("Your talk at the APA conference stayed with me.")]
    [InlineData("My classmate Jordan Lee mentioned your work.")]
    public void A_first_sentence_that_says_how_they_are_connected_passes(string body) =>
        Assert.True(Rule(body, EmailCheck.ConnectionRule, "Ada").Passed);

    [Theory]
    [InlineData("Hi Ada,\n\nI hope you are well. Priya Raman suggested I write to you.")]
    [InlineData("Ada, I am writing to you about your work, Ada.")]
    [InlineData("My name is Sam and I study planning.")]
    [InlineData("")]
    public void A_first_sentence_without_the_connection_fails_even_when_it_names_the_contact(string body)
    {
        var result = Rule(body, EmailCheck.ConnectionRule, "Ada");
        Assert.False(result.Passed);
        Assert.Contains("how you found them", result.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Would you have 20 minutes?\n\nThank you,\nSam")]
    [InlineData("Would you have 20 minutes?\n\nBest,\nSam Lee")]
    [InlineData("Would you have 20 minutes?\n\nKind regards,\nSam Lee")]
    [InlineData("Would you have 20 minutes?\n\nSincerely,\nSam")]
    [InlineData("Would you have 20 minutes?\n\nCheers,\nSam")]
    [InlineData("Would you have 20 minutes?\n\nSam")]
    [InlineData("Would you have 20 minutes?")]
    [InlineData("Would you have 20 minutes? Thank you for considering it.\n\nBest,\nSam")]
    [InlineData("Could we talk (by phone or video)?\nThanks so much,\nSam")]
    [InlineData("Would you have 20 minutes?\n\nWarm regards,\n\nSam Lee\nSac State, class of 2025")]
    public void A_request_that_ends_with_a_question_before_the_sign_off_passes(string body) =>
        Assert.True(Rule(body, EmailCheck.QuestionRule).Passed);

    // A LinkedIn note is signed with a first name alone, on the question's line or the next; the name is not
    // the last sentence of the request.
    [Theory]
    [InlineData("Hi Amara, I found your profile while exploring UX research and would value your advice, not a job. Could we talk for 20 minutes?\nAna")]
    [InlineData("Hi Amara, I found your profile while exploring UX research and would value your advice, not a job. Could we talk for 20 minutes? Ana")]
    [InlineData("Hi Amara, I found your profile while exploring UX research and would value your advice, not a job. Could we talk for 20 minutes in the next few weeks? Ana-Maria")]
    [InlineData("Hi Amara,\nI found your profile while exploring UX research. Could we talk for 20 minutes?\nAna")]
    [InlineData("Hi Amara, I found your profile. Could we talk for 20 minutes?\n\u2013 Ana")]
    [InlineData("Could we talk for 20 minutes?\nAna")]
    [InlineData("Could we talk for 20 minutes? Ana")]
    public void A_note_signed_with_a_single_name_ends_with_its_question(string body) =>
        Assert.True(Rule(body, EmailCheck.QuestionRule, "Amara").Passed);

    [Theory]
    [InlineData("Would you have 20 minutes? I'm free on Tuesdays.\n\nBest,\nSam")]
    [InlineData("Please let me know if you have 20 minutes.\n\nThanks,\nSam")]
    [InlineData("I'd appreciate 20 minutes of your time.")]
    [InlineData("Could we talk for 20 minutes? I'm free on Tuesdays")]
    [InlineData("Could we talk for 20 minutes? Ana. I will call you Tuesday")]
    public void A_request_that_does_not_end_with_a_question_fails(string body)
    {
        var result = Rule(body, EmailCheck.QuestionRule);
        Assert.False(result.Passed);
        Assert.Contains("?", result.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("You and your team do work that I admire.", true)]
    [InlineData("Your path interests me.", true)]
    [InlineData("I'm keen, I've studied it, and my goal is yours.", false)]
    [InlineData("I think my background suits me, you see.", false)]
    [InlineData("I’m sure you’re busy; your time is precious.", true)]
    [InlineData("My young team and my youthful plans.", false)]
    public void About_them_compares_you_and_your_with_i_me_and_my_as_whole_words(string body, bool passes) =>
        Assert.Equal(passes, Rule(body, EmailCheck.AboutThemRule).Passed);

    [Fact]
    public void About_them_hint_gives_both_counts() =>
        Assert.Contains("I/me/my 3 times and you/your 1", Rule("I think my background suits me, you see.", EmailCheck.AboutThemRule).Hint, StringComparison.Ordinal);
}
