using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Web;

/// <summary>Fields a form does not have (an owner, an id, timestamps, the account's Identity columns),
/// added to a real submission, change nothing: the save takes only the form's own fields.</summary>
public class OverPostingTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    private static readonly DateTime Planted = new(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);

    /// <summary>The page (kinds in braces stand for the person's own ids), the form, and what a valid submission fills in.</summary>
    public static TheoryData<string, string, string[]> Forms => new()
    {
        { "/people/new", "main form", ["Input.FirstName", "Over"] },
        { "/people/{Contact}/edit", "main form", ["Input.FirstName", "Over"] },
        { "/people/{Contact}", "form[action*='handler=Log']", ["Log.Note", "Over"] },
        { "/organizations/new", "main form", ["Input.Name", "Over Org"] },
        { "/organizations/{Organization}/edit", "main form", ["Input.Name", "Over Org"] },
        { "/fields/new", "main form", ["Input.Name", "Over Field"] },
        { "/fields/{CareerField}/edit", "main form", ["Input.Name", "Over Field"] },
        { "/fields/{CareerField}", "form[action*='handler=AddQuestion']", ["NewQuestion", "Over?"] },
        { "/conversations/new?contactId={Contact}", "main form", [] },
        { "/conversations/{Conversation}/reflect", "main form", ["Input.Learned", "Over"] },
        { "/questions", "form[action*='handler=Add']", ["Input.Text", "Over?"] },
        { "/templates?edit=new", "form[action*='handler=Save']", ["Input.Name", "Over", "Input.Body", "Hello"] },
        { "/templates?edit=own:{OwnTemplate}", "form[action*='handler=Save']", ["Input.Name", "Over"] },
        { "/follow-ups", "form[action*='handler=Add']", ["NewTitle", "Over"] },
        { "/outcome", "main form", ["Input.Text", "Over"] },
        { "/account/profile", "main form", ["Input.DisplayName", "Over"] },
        { "/account/rules", "main form", [] },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Extra_fields_for_owner_id_timestamps_and_account_columns_are_ignored(string page, string form, string[] fields)
    {
        var owner = await _app.SignUpAsync("Owner A");
        var ownersIds = await _app.AddEveryKindAsync(owner);
        var person = await _app.SignUpAsync("Person B");
        var ids = await _app.AddEveryKindAsync(person);
        var ownersRows = await OwnedRowsChecksum.TakeAsync(_app, owner.Id);
        var account = await AccountAsync(person.Id);

        var path = Enum.GetValues<Owned>().Aggregate(page, (p, kind) => p.Replace("{" + kind + "}", ids[kind], StringComparison.Ordinal));
        var values = fields.Chunk(2).ToDictionary(p => p[0], p => p[1]);
        // An id of the owner's for every Id-like field: were it bound, it would overwrite or re-own the owner's row.
        var plantedId = ownersIds[Owned.Contact];
        foreach (var prefix in new[] { "", "Input.", "Log." })
        {
            foreach (var (name, value) in new Dictionary<string, string>
            {
                ["OwnerId"] = owner.Id, ["Id"] = plantedId, ["CreatedAtUtc"] = Planted.ToString("O"), ["UpdatedAtUtc"] = Planted.ToString("O"),
                ["Owner"] = owner.Id, ["UserId"] = owner.Id, ["Email"] = owner.Email, ["NormalizedEmail"] = owner.Email.ToUpperInvariant(),
                ["UserName"] = owner.Email, ["NormalizedUserName"] = owner.Email.ToUpperInvariant(), ["PasswordHash"] = "AQAAAAplanted",
                ["SecurityStamp"] = "PLANTED", ["ConcurrencyStamp"] = "planted", ["EmailConfirmed"] = "true", ["LockoutEnabled"] = "false",
                ["LockoutEnd"] = Planted.ToString("O"), ["AccessFailedCount"] = "99", ["TwoFactorEnabled"] = "true", ["PhoneNumber"] = "+1 555 0199",
                ["Uid"] = "planted-uid", ["SearchKey"] = "planted", ["DigestSentOn"] = "2001-02-03",
            })
            {
                values.TryAdd(prefix + name, value);
            }
        }

        var response = await person.Client.SubmitAsync(await person.Client.GetPageAsync(path), form, values);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK,
            $"{page} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Empty(ownersRows.Differences(await OwnedRowsChecksum.TakeAsync(_app, owner.Id)));
        Assert.Equal(account, await AccountAsync(person.Id));
        Assert.Empty(await PlantedAsync(person.Id));
    }

    /// <summary>The account's columns a form must never reach.</summary>
    private Task<string> AccountAsync(string userId) => _app.WithDbAsync(null, async db =>
    {
        var u = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId);
        return string.Join("|", u.Id, u.Email, u.NormalizedEmail, u.UserName, u.PasswordHash, u.SecurityStamp, u.EmailConfirmed,
            u.LockoutEnd, u.LockoutEnabled, u.AccessFailedCount, u.TwoFactorEnabled, u.PhoneNumber, u.CreatedAtUtc, u.DigestSentOn);
    });

    /// <summary>Rows of the person's that carry the planted time in any time column.</summary>
    private Task<List<string>> PlantedAsync(string ownerId) => _app.WithDbAsync(null, async db =>
    {
        var found = new List<string>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var (table, columns, ownerColumn) in OwnedRowsChecksum.OwnedTables(db.Model))
        {
            foreach (var column in columns.Where(c => c.EndsWith("AtUtc", StringComparison.Ordinal) || c == "LockoutEnd"))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE \"{ownerColumn}\" = @owner AND \"{column}\" < @before";
                var owner = command.CreateParameter();
                owner.ParameterName = "@owner";
                owner.Value = ownerId;
                command.Parameters.Add(owner);
                var before = command.CreateParameter();
                before.ParameterName = "@before";
                before.Value = column == "LockoutEnd" ? new DateTimeOffset(2002, 1, 1, 0, 0, 0, TimeSpan.Zero) : new DateTime(2002, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                command.Parameters.Add(before);
                if (Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0) found.Add($"{table}.{column}");
            }
        }
        await connection.CloseAsync();
        return found;
    });
}
