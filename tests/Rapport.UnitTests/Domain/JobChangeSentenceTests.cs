using Rapport.Domain;

namespace Rapport.UnitTests.Domain;

public class JobChangeSentenceTests
{
    [Theory]
    [InlineData("Moved from Analyst at Acme to Lead Analyst at Globex", "Analyst", "Acme")]
    [InlineData("Moved from Analyst at Acme to Globex", "Analyst", "Acme")]
    [InlineData("Moved from Analyst at Acme to no listed job", "Analyst", "Acme")]
    [InlineData("Moved from Head of Growth at Zoë & Co. to Lead at Globex at Home", "Head of Growth", "Zoë & Co.")]
    public void The_job_left_is_read_from_the_sentence_the_LinkedIn_import_wrote(string sentence, string title, string organization) =>
        Assert.Equal((title, organization), JobChangeSentence.JobLeft(sentence));

    [Theory]
    [InlineData("Analyst", "Acme", "Lead", "Globex", "Moved from Analyst at Acme to Lead at Globex")]
    [InlineData(null, "Acme", "Lead", "Globex", "Moved from Acme to Lead at Globex")]
    [InlineData("Analyst", "Acme", null, null, "Moved from Analyst at Acme to no listed job")]
    [InlineData(null, null, "Lead", null, "Moved from no listed job to Lead")]
    public void A_move_is_written_as_the_LinkedIn_import_always_wrote_it(string? titleLeft, string? left, string? titleNow, string? now, string sentence) =>
        Assert.Equal(sentence, JobChangeSentence.Write(titleLeft, left, titleNow, now));

    [Fact]
    public void A_written_move_with_a_title_is_read_back_as_the_job_left() =>
        Assert.Equal(("Analyst", "Acme"), JobChangeSentence.JobLeft(JobChangeSentence.Write("Analyst", "Acme", null, "Globex")));

    [Theory]
    [InlineData("Moved from Acme to Globex")] // a title alone or an organization alone: cannot tell which
    [InlineData("Moved from no listed job to Lead at Globex")]
    [InlineData("Moved from Director at Large at Acme to Globex")] // two " at ": which is the organization?
    [InlineData("Moved from Analyst at Back to School Inc to Globex")] // two " to "
    [InlineData("Moved from  at Acme to Globex")]
    [InlineData("moved from Analyst at Acme to Globex")]
    [InlineData("Merged with another record of Ada")]
    [InlineData("")]
    [InlineData(null)]
    public void A_sentence_that_reads_more_than_one_way_or_is_another_is_left_alone(string? sentence) =>
        Assert.Null(JobChangeSentence.JobLeft(sentence));
}
