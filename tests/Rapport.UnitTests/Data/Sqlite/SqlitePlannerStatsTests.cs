using Rapport.Data;

namespace Rapport.UnitTests.Data.Sqlite;

/// <summary>The figures SQLite's planner reads ("rows, then rows matched by each prefix of the columns").</summary>
public class SqlitePlannerStatsTests
{
    private static long[] Figures(string stat) => stat.Split(' ').Select(long.Parse).ToArray();

    [Fact]
    public void An_owner_narrows_a_table_to_a_share_of_it_so_an_owner_index_beats_walking_every_persons_rows()
    {
        var owner = Figures(SqlitePlannerStats.Stat(["OwnerId", "SearchKey", "Id"], unique: false));
        Assert.True(owner[1] < owner[0] / 10, $"An owner matches {owner[1]:N0} of {owner[0]:N0} rows.");
        Assert.True(owner[2] < owner[1] && owner[3] < owner[2]);
    }

    [Fact]
    public void A_contact_or_conversation_index_still_narrows_more_than_the_owner_alone()
    {
        var owner = Figures(SqlitePlannerStats.Stat(["OwnerId", "SentAtUtc"], unique: false));
        var contact = Figures(SqlitePlannerStats.Stat(["ContactId"], unique: false));
        Assert.True(contact[1] * 100 <= owner[1], $"A contact matches {contact[1]:N0} rows, an owner {owner[1]:N0}.");
    }

    [Fact]
    public void A_stage_narrows_an_owners_rows_to_a_fifth_and_a_unique_index_to_one_row()
    {
        var stage = Figures(SqlitePlannerStats.Stat(["OwnerId", "Stage", "MeetingStartUtc"], unique: false));
        Assert.Equal(stage[1] / 5, stage[2]);
        Assert.True(stage[3] < stage[2]);
        Assert.Equal(1, Figures(SqlitePlannerStats.Stat(["OwnerId", "Uid"], unique: true))[^1]);
    }
}
