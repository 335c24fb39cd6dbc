using System.Data.Common;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Account;

/// <summary>Deleting an account removes every row it owned, in every table the model has (Identity's too),
/// and nothing of anyone else.</summary>
public class AccountDeletionTests
{
    /// <summary>How many rows, in all tables, hold the user's id in any text column.</summary>
    private static Task<long> RowsNamingAsync(RapportApp app, string userId) => app.WithDbAsync(null, async db =>
    {
        long total = 0;
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var type in db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null))
            foreach (var column in type.GetProperties().Where(p => p.ClrType == typeof(string)))
                total += await ScalarAsync(connection, $"SELECT count(*) FROM \"{type.GetTableName()}\" WHERE \"{column.GetColumnName()}\" = @id", userId);
        return total;
    });

    /// <summary>A fingerprint of every row that belongs to the user, in every table that points at accounts.</summary>
    private static Task<string> FingerprintAsync(RapportApp app, string userId) => app.WithDbAsync(null, async db =>
    {
        var lines = new List<string>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var type in db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null))
        {
            var columns = type.ClrType == typeof(RapportUser) ? ["Id"]
                : type.GetForeignKeys().Where(fk => fk.PrincipalEntityType.ClrType == typeof(RapportUser)).Select(fk => fk.Properties.Single().GetColumnName()).ToArray();
            foreach (var column in columns)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{type.GetTableName()}\" WHERE \"{column}\" = @id";
                AddId(command, userId);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    lines.Add(type.GetTableName() + ":" + string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }
        }
        lines.Sort(StringComparer.Ordinal);
        Assert.NotEmpty(lines);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines))));
    });

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, string id)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        AddId(command, id);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static void AddId(DbCommand command, string id)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = id;
        command.Parameters.Add(parameter);
    }

    private static Task<HttpResponseMessage> DeleteAsync(SignedInUser user, string password) =>
        user.Client.GetPageAsync("/account/delete").ContinueWith(async page =>
            await user.Client.SubmitAsync(await page, "main form", new() { ["Input.Password"] = password })).Unwrap();

    [Fact]
    public async Task Deleting_an_account_removes_every_row_it_owned_and_nothing_of_anyone_else()
    {
        await using var app = await RapportApp.StartAsync();
        var leaving = await app.SignUpAsync("Leaving");
        await RichAccount.SeedAsync(app, leaving.Id);
        await app.WithDbAsync(leaving.Id, async db =>
        {
            db.Add(new CalendarFeed { TokenHash = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), CreatedAtUtc = DateTime.UtcNow });
            db.Add(new PendingImport { Kind = ImportKind.VCard, FileName = "x.vcf", Content = [1, 2], CreatedAtUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var staying = await app.SignUpAsync("Staying");
        await RichAccount.SeedAsync(app, staying.Id);
        var stayingBefore = await FingerprintAsync(app, staying.Id);

        // Every owned table holds a row of the leaving account, so the check below covers them all.
        var empty = await app.WithDbAsync(null, async db =>
        {
            var missing = new List<string>();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            foreach (var type in db.Model.GetEntityTypes().Where(t => typeof(IOwned).IsAssignableFrom(t.ClrType)))
                if (await ScalarAsync(connection, $"SELECT count(*) FROM \"{type.GetTableName()}\" WHERE \"OwnerId\" = @id", leaving.Id) == 0) missing.Add(type.ClrType.Name);
            return missing;
        });
        Assert.Empty(empty);

        var wrong = await DeleteAsync(leaving, "not the password at all");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("not your password", (await HtmlPage.ReadAsync(wrong, "/account/delete")).ErrorFor("Input.Password"));
        Assert.True(await RowsNamingAsync(app, leaving.Id) > 100);

        var deleted = await DeleteAsync(leaving, leaving.Password);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, await RowsNamingAsync(app, leaving.Id));
        Assert.Equal(stayingBefore, await FingerprintAsync(app, staying.Id));

        // Signed out: the old cookie opens nothing, and the account cannot sign in again.
        var afterwards = await leaving.Client.GetAsync("/people");
        Assert.StartsWith("/account/sign-in", afterwards.Headers.Location?.OriginalString);
        var client = app.CreateAppClient();
        var signIn = await client.SubmitAsync(await client.GetPageAsync("/account/sign-in"), "main form",
            new() { ["Input.Email"] = leaving.Email, ["Input.Password"] = leaving.Password });
        Assert.NotEqual(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task The_install_owner_cannot_delete_their_account_while_others_exist_but_can_when_alone()
    {
        await using var app = await RapportApp.StartAsync();
        var owner = await app.SignInOwnerAsync();
        var other = await app.SignUpAsync();

        var page = await owner.Client.GetPageAsync("/account/delete");
        Assert.Contains("owner account", page.Text);
        Assert.Null(page.Document.QuerySelector("main form"));
        var token = (await owner.Client.GetPageAsync("/account/profile")).Document.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var refused = await owner.Client.PostAsync("/account/delete", [new("__RequestVerificationToken", token), new("Input.Password", owner.Password)]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.True(await app.WithDbAsync(null, db => db.Users.AnyAsync(u => u.Id == owner.Id)));

        Assert.Equal(HttpStatusCode.Redirect, (await DeleteAsync(other, other.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await DeleteAsync(owner, owner.Password)).StatusCode);
        Assert.False(await app.WithDbAsync(null, db => db.Users.AnyAsync()));
        // With no account left, the install starts over at first-run setup.
        var next = await app.CreateAppClient().GetAsync("/");
        Assert.Equal("/account/setup", next.Headers.Location?.OriginalString);
    }
}
