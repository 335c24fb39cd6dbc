using System.Net;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Web;

/// <summary>The access-control sweep: every endpoint of the app, called by one person with another's
/// ids, on every verb, as a plain form and as htmx, answers exactly as for an id that does not exist
/// (404) and changes nothing. The endpoints come from the app's own list, so a new one that the
/// catalogue does not describe fails here.</summary>
public class AccessSweepTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    [Fact]
    public async Task Every_endpoint_of_the_app_is_in_the_access_catalogue_and_nothing_else_is()
    {
        var endpoints = await AppEndpoints.ReadAsync(_app);
        var problems = new List<string>();
        var byKey = AccessCatalogue.All.ToLookup(a => a.Key);
        foreach (var endpoint in endpoints.Where(e => !byKey.Contains(e.Key)))
        {
            var handler = endpoint.Handler is null ? "null" : $"\"{endpoint.Handler}\"";
            var path = System.Text.RegularExpressions.Regex.Replace(endpoint.Route, @"\{id(:\w+)?\??\}", "{<Kind>}");
            problems.Add($"{endpoint.Key} is not in AccessCatalogue.All (inputs: {string.Join(", ", endpoint.Inputs)}). Add either "
                + $"{(endpoint.Verb != "GET" ? "Post" : endpoint.Handler is null ? "Get" : "GetHandler")}(\"{path}\"{(endpoint.Verb == "GET" && endpoint.Handler is null ? "" : $", {handler}")}, <slots>) where <Kind> is the Owned kind "
                + "its route id names and <slots> are Query/Form/List(\"name\", Owned.Kind) for its other ids (a new kind of row needs an Owned value "
                + $"and a row in EveryKindOfRow), or NoId(\"{endpoint.Verb}\", \"{endpoint.Route}\", {handler}, \"why it takes no id\").");
        }
        var keys = endpoints.Select(e => e.Key).ToHashSet();
        foreach (var access in AccessCatalogue.All.Where(a => !keys.Contains(a.Key)))
            problems.Add($"AccessCatalogue.All names {access.Key}, which the app no longer has: remove it or fix its route/handler.");

        foreach (var endpoint in endpoints.Where(e => byKey.Contains(e.Key)))
        {
            var accesses = byKey[endpoint.Key].ToList();
            var covered = accesses.SelectMany(a => a.AllSlots.Select(s => s.Place == Place.Route ? "id" : s.Name.Split('[')[0]))
                .Concat(accesses.SelectMany(a => a.NotIds ?? [])).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var input in endpoint.IdLikeInputs.Where(i => !covered.Contains(i)))
                problems.Add($"{endpoint.Key} takes {input}, which looks like an id, but its catalogue entry has no slot for it: add one (or NotAnId(\"{input}\") if it is not an id).");
            var inputs = endpoint.Inputs.ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var slot in accesses.SelectMany(a => a.Slots).Where(s => !inputs.Contains(s.Name.Split('[')[0])))
                problems.Add($"{endpoint.Key}: the catalogue's slot {slot.Name} is not an input of the endpoint (inputs: {string.Join(", ", endpoint.Inputs)}).");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Every_owned_table_gets_a_row_from_the_seed_the_sweep_uses()
    {
        var person = await _app.SignUpAsync("Seeded");
        await _app.AddEveryKindAsync(person);
        var rows = await OwnedRowsChecksum.TakeAsync(_app, person.Id);
        var ownedTables = await _app.WithDbAsync(null, db => Task.FromResult(db.Model.GetEntityTypes()
            .Where(e => typeof(IOwned).IsAssignableFrom(e.ClrType) && !OwnedRowsChecksum.NotCompared.Contains(e.ClrType)).Select(e => Microsoft.EntityFrameworkCore.RelationalEntityTypeExtensions.GetTableName(e)!).ToList()));
        Assert.NotEmpty(ownedTables);
        var empty = ownedTables.Where(t => rows.RowsIn(t) == 0).ToList();
        Assert.True(empty.Count == 0, "The sweep's seed (EveryKindOfRow) leaves these owned tables empty, so no id of theirs is tried: " + string.Join(", ", empty));
    }

    [Fact]
    public async Task Another_persons_ids_get_404_on_every_endpoint_and_verb_and_change_nothing()
    {
        var (owner, ownersIds, sweep, othersIds) = await TwoSeededPeopleAsync();
        var problems = new List<string>();
        var before = await OwnedRowsChecksum.TakeAsync(_app, owner.Id);
        var othersBefore = await OwnedRowsChecksum.TakeAsync(_app, sweep.User.Id);

        foreach (var access in AccessCatalogue.All.Where(a => a.NoIdBecause is null))
        {
            foreach (var (choice, expect404, _) in AccessSweep.Choices(access, othersIds, ownersIds).Where(c => c.Expect404))
            {
                foreach (var htmx in new[] { false, true })
                {
                    var how = $"{access} [{choice.Description}]{(htmx ? " (htmx)" : "")}";
                    var theirs = await sweep.SendAsync(access, choice, htmx);
                    var missing = await sweep.SendAsync(access, Missing(access, choice, othersIds), htmx);
                    if (theirs.StatusCode != HttpStatusCode.NotFound) problems.Add($"{how}: answered {AccessSweep.Show(theirs)}, expected 404");
                    if (missing.StatusCode != HttpStatusCode.NotFound) problems.Add($"{how} with ids that do not exist: answered {AccessSweep.Show(missing)}, expected 404");
                    else if (await BodyAsync(theirs) != await BodyAsync(missing)) problems.Add($"{how}: the 404 differs from the one for ids that do not exist");
                    if (access.Verb == "POST") before = await SameAsync(owner.Id, before, how, problems);
                }
            }
            if (access.Verb == "GET") before = await SameAsync(owner.Id, before, access.ToString(), problems);
        }
        await SameAsync(sweep.User.Id, othersBefore, "the whole sweep, for the person sending it", problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(60)));
    }

    [Fact]
    public async Task A_choice_in_ones_own_form_naming_anothers_row_answers_as_one_that_does_not_exist()
    {
        var (owner, ownersIds, sweep, othersIds) = await TwoSeededPeopleAsync();
        var problems = new List<string>();
        var before = await OwnedRowsChecksum.TakeAsync(_app, owner.Id);
        var tried = 0;
        foreach (var access in AccessCatalogue.All.Where(a => a.NoIdBecause is null))
        {
            foreach (var (choice, _, _) in AccessSweep.Choices(access, othersIds, ownersIds).Where(c => !c.Expect404))
            {
                tried++;
                foreach (var htmx in new[] { false, true })
                {
                    var how = $"{access} [{choice.Description}]{(htmx ? " (htmx)" : "")}";
                    var theirs = await sweep.SendAsync(access, choice, htmx);
                    var missing = await sweep.SendAsync(access, Missing(access, choice, othersIds), htmx);
                    if (theirs.StatusCode != missing.StatusCode || theirs.Content.Headers.ContentType?.MediaType != missing.Content.Headers.ContentType?.MediaType)
                        problems.Add($"{how}: answered {AccessSweep.Show(theirs)}, but {AccessSweep.Show(missing)} for an id that does not exist");
                    before = await SameAsync(owner.Id, before, how, problems);
                }
            }
        }
        Assert.True(tried > 0, "The catalogue has no choice within one's own form to try.");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(60)));
    }

    /// <summary>Proves the sweep's requests reach their handlers: with one's own ids none of them is 404
    /// (a 404 there would mean the catalogue's request is wrong and the sweep tests nothing), and no write,
    /// those without an id included, is refused for its inputs (the rule-pass invariant sends them all). Each also
    /// carries an extra <c>Id</c> naming another person's row, which must be ignored: a form field
    /// must not take the place of the id in the address.</summary>
    [Fact]
    public async Task Every_catalogued_request_works_with_ones_own_ids_whatever_extra_id_it_carries()
    {
        var problems = new List<string>();
        var owner = await _app.SignUpAsync("Owner A");
        var ownersIds = await _app.AddEveryKindAsync(owner);
        var ownersRows = await OwnedRowsChecksum.TakeAsync(_app, owner.Id);
        var person = await _app.SignUpAsync("Own ids");
        var readersIds = await _app.AddEveryKindAsync(person);
        var reader = await AccessSweep.ForAsync(_app, person);
        // Every write, those without an id included: their valid inputs must work too.
        foreach (var access in AccessCatalogue.All.Where(a => a.NoIdBecause is null || a.Verb == "POST"))
        {
            if (access.SqliteOnlyBecause is not null && _app.Database.Provider != TestProvider.Sqlite) continue;
            // A write may delete what the next request needs, so each write gets a fresh account.
            var (sender, ids) = access.Verb == "POST" ? await AccessSweep.ForWriteAsync(_app, access) : (reader, readersIds);
            var routeKind = access.AllSlots.FirstOrDefault(s => s.Place == Place.Route)?.Kind;
            var planted = routeKind is Owned kind && !access.AllSlots.Any(s => s.Name.Equals("id", StringComparison.OrdinalIgnoreCase))
                ? access.With("Id", ownersIds[kind]) : access;
            var own = new IdChoice(access.AllSlots.ToDictionary(s => s, s => ids.All(s.Kind)), "own");
            var response = await sender.SendAsync(planted, own, htmx: false);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest or >= HttpStatusCode.InternalServerError)
                problems.Add($"{access} with one's own ids{(planted == access ? "" : " and another's Id as an extra field")} answered {AccessSweep.Show(response)}");
            // A write refused as a conflict or for its input tests nothing: the catalogue must give it valid inputs.
            else if (access.Verb == "POST" && (response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity
                    || (await response.Content.ReadAsStringAsync()).Contains("field-validation-error", StringComparison.Ordinal)))
                problems.Add($"{access} with one's own ids was refused ({AccessSweep.Show(response)}): give it valid inputs in the catalogue");
            ownersRows = await SameAsync(owner.Id, ownersRows, $"{access} with another's Id as an extra field", problems);
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private async Task<(SignedInUser Owner, OwnedIds OwnersIds, AccessSweep Sweep, OwnedIds OthersIds)> TwoSeededPeopleAsync()
    {
        var owner = await _app.SignUpAsync("Owner A");
        var ownersIds = await _app.AddEveryKindAsync(owner);
        var other = await _app.SignUpAsync("Other B");
        var othersIds = await _app.AddEveryKindAsync(other);
        return (owner, ownersIds, await AccessSweep.ForAsync(_app, other), othersIds);
    }

    /// <summary>A page without the antiforgery tokens, which differ on every response.</summary>
    private static async Task<string> BodyAsync(HttpResponseMessage response) =>
        System.Text.RegularExpressions.Regex.Replace(await response.Content.ReadAsStringAsync(), @"CfDJ8[\w-]+", "token");

    /// <summary>The same request with the other person's ids swapped for ids that do not exist.</summary>
    private static IdChoice Missing(Access access, IdChoice choice, OwnedIds own) => new(
        choice.Values.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value
            .Select((v, i) => own.All(kv.Key.Kind).Contains(v) ? v : OwnedIds.Missing.All(kv.Key.Kind)[i % OwnedIds.Missing.All(kv.Key.Kind).Count]).ToList()),
        choice.Description + " (missing)");

    /// <summary>Reports a change since <paramref name="before"/>, then takes the new state as the baseline,
    /// so each report names the request that made it.</summary>
    private async Task<OwnedRowsChecksum> SameAsync(string ownerId, OwnedRowsChecksum before, string after, List<string> problems)
    {
        var now = await OwnedRowsChecksum.TakeAsync(_app, ownerId);
        var changed = before.Differences(now);
        if (changed.Count > 0) problems.Add($"{after} changed rows: {string.Join("; ", changed)}");
        return now;
    }
}
