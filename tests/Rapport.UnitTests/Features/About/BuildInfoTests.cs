using Rapport.Features.About;

namespace Rapport.UnitTests.Features.About;

public class BuildInfoTests
{
    [Fact]
    public void A_version_with_a_commit_gives_both_and_the_commit_is_quoted_by_its_first_twelve_characters()
    {
        var build = BuildInfo.Parse("0.1.0+96F941D0123456789abcdef0123456789abcdef");
        Assert.Equal("0.1.0", build.Version);
        Assert.Equal("96f941d0123456789abcdef0123456789abcdef", build.Commit);
        Assert.Equal("96f941d01234", build.ShortCommit);
    }

    [Theory]
    [InlineData("0.2.0", "0.2.0")]
    [InlineData("0.2.0+local-build", "0.2.0")]
    [InlineData("0.2.0-rc.1+abc", "0.2.0-rc.1")]
    public void Build_metadata_that_is_not_a_commit_id_names_no_commit(string informational, string version)
    {
        var build = BuildInfo.Parse(informational);
        Assert.Equal(version, build.Version);
        Assert.Null(build.Commit);
        Assert.Null(build.ShortCommit);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_version_reads_as_unknown(string? informational) => Assert.Equal("unknown", BuildInfo.Parse(informational).Version);
}
