using Rapport.Domain;

namespace Rapport.UnitTests.Domain;

public class ReflectionStepsTests
{
    [Fact]
    public void Each_line_is_a_step_without_its_list_mark()
    {
        Assert.Equal(["Send the thank-you", "Read the report", "Write to Sam"],
            ReflectionSteps.Lines("- Send the thank-you\r\n\r\n2) Read the report\n• Write to Sam\n  - send the THANK-YOU  "));
    }

    [Fact]
    public void Only_lines_new_since_the_last_save_make_tasks()
    {
        Assert.Equal(["Call Ana"], ReflectionSteps.Added("Read the report\nWrite to Sam", "1. read the report\nWrite to Sam\nCall Ana"));
        Assert.Empty(ReflectionSteps.Added("Read the report", "Read the report"));
        Assert.Equal(["Read the report"], ReflectionSteps.Added(null, "Read the report"));
    }

    [Fact]
    public void A_step_longer_than_a_task_title_is_cut_with_an_ellipsis()
    {
        var step = Assert.Single(ReflectionSteps.Lines(new string('a', 500)));
        Assert.Equal(FollowUpTask.TitleMaxLength, step.Length);
        Assert.EndsWith("…", step);
    }
}
