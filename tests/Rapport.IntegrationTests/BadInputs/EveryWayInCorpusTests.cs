using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.BadInputs;

/// <summary>Every bad value of every form that writes an object (<see cref="FormCases"/>) meets the same refusal
/// through the form (a message beside the field, nothing changed) and through the account restore (an export
/// of a valid account with that one value replaced: the row and column named, nothing restored).</summary>
public class EveryWayInCorpusTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    public static TheoryData<int> Cases => new(Enumerable.Range(0, FormCases.All.Count));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_value_its_form_refuses_is_refused_by_the_restore_too(int index)
    {
        var @case = FormCases.All[index];
        var export = await RestoreCases.ValidExportAsync(_app);
        var owner = await RestoreCases.SourceAsync(_app);

        // Through the form.
        var conversation = await _app.WithDbAsync(owner.Id, db => db.Conversations.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var url = @case.Page.Replace("{Conversation}", conversation.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var before = await OwnedRowsChecksum.OfAsync(_app, owner.Id);
        var fields = new Dictionary<string, string>(@case.Base) { [@case.Field] = @case.Value };
        var response = await owner.Client.SubmitAsync(await owner.Client.GetPageAsync(url), @case.Form, fields);
        Corpus.NoServerError(response, @case.ToString());
        Assert.False(Corpus.IsRedirect(response), $"{@case}: the form accepted it");
        var page = await HtmlPage.ReadAsync(response, url);
        Assert.True(page.ErrorFor(@case.Field) is not null, $"{@case}: no message beside the field: {Corpus.Errors(page)}");
        await Corpus.UnchangedAsync(_app, owner.Id, before, @case.ToString());

        // Through the restore.
        var file = RestoreCases.WithValue(export, @case.Table, @case.Column, @case.Restored?.DeepClone());
        var newcomer = await _app.SignUpAsync();
        var error = await RestoreCases.RefusalAsync(await RichAccount.RestoreAsync(newcomer.Client, Encoding.UTF8.GetBytes(file.ToJsonString())));
        Assert.True(error.Contains($"Row 1 of \"{@case.Table}\", \"{@case.Column}\":", StringComparison.Ordinal) && error.TrimEnd().EndsWith("Nothing was restored.", StringComparison.Ordinal),
            $"{@case}: {error}");
        Assert.True(await RestoreCases.IsEmptyAsync(_app, newcomer.Id), $"{@case}: rows were restored");
    }
}
