using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.People;

public class MergeTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    [Fact]
    public async Task Likely_duplicates_are_listed_with_the_reason()
    {
        var user = await _app.SignUpAsync();
        await _app.AddContactAsync(user.Id, "Jon", "Smith", "Acme");
        await _app.AddContactAsync(user.Id, "John", "Smith", "Acme");
        await _app.AddContactAsync(user.Id, "Ann", "Lee", more: c => c.Emails.Add(new ContactEmail { Address = "ann@example.com", NormalizedAddress = "ann@example.com" }));
        await _app.AddContactAsync(user.Id, "Annie", "Lee-Park", more: c => c.Emails.Add(new ContactEmail { Address = "ANN@example.com", NormalizedAddress = "ann@example.com" }));
        await _app.AddContactAsync(user.Id, "John", "Smith", "Globex");
        var page = await user.Client.GetPageAsync("/people/duplicates");
        var rows = page.Document.QuerySelectorAll(".duplicate-list li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains("Jon Smith") && r.Contains("very similar name"));
        Assert.Contains(rows, r => r.Contains("Annie Lee-Park") && r.Contains("same email address"));
    }

    [Fact]
    public async Task Merging_keeps_every_fact_and_link_of_both_records()
    {
        var user = await _app.SignUpAsync();
        var keep = await _app.AddContactAsync(user.Id, "Grace", "Hopper", "US Navy", c =>
        {
            c.Emails.Add(new ContactEmail { Address = "grace@example.org", NormalizedAddress = "grace@example.org" });
            c.Tags.Add(ContactTag.Named("navy"));
            c.Notes = "First record's notes";
            c.Events.Add(new ContactEvent { Kind = ContactEventKind.Added, Text = "Added", OccurredAtUtc = DateTime.UtcNow });
        });
        var other = await _app.AddContactAsync(user.Id, "Grace", "Hopper", "US Navy", c =>
        {
            c.Title = "Rear Admiral";
            c.Emails.Add(new ContactEmail { Address = "hopper@example.net", NormalizedAddress = "hopper@example.net" });
            c.Phones.Add(new ContactPhone { Number = "+1 555 0100" });
            c.Tags.Add(ContactTag.Named("compilers"));
            c.Notes = "Second record's notes";
            c.LinkedInUrl = "https://www.linkedin.com/in/gracehopper";
            c.Events.Add(new ContactEvent { Kind = ContactEventKind.JobChange, Text = "Moved from A to B", OccurredAtUtc = DateTime.UtcNow });
        });
        var referred = await _app.AddContactAsync(user.Id, "Referred", "ByOther", more: c => c.ReferredById = other);

        var compare = await user.Client.GetPageAsync($"/people/merge?a={keep}&b={other}");
        var done = await user.Client.FollowAsync(await user.Client.SubmitAsync(compare, "main form", new() { ["Keep"] = keep.ToString() }));
        Assert.Contains("Nothing from either record was lost", done.Status);

        var merged = await _app.WithDbAsync(user.Id, db => db.Contacts.Where(c => c.Id == keep).Select(c => new
        {
            c.Title, c.Notes, c.LinkedInUrl,
            Emails = c.Emails.Select(e => e.Address).OrderBy(a => a).ToList(),
            Phones = c.Phones.Count,
            Tags = c.Tags.Select(t => t.Name).OrderBy(t => t).ToList(),
            Events = c.Events.Select(e => e.Kind).ToList(),
        }).SingleAsync());
        Assert.Equal("Rear Admiral", merged.Title);
        Assert.Contains("First record's notes", merged.Notes);
        Assert.Contains("Second record's notes", merged.Notes);
        Assert.Equal("https://www.linkedin.com/in/gracehopper", merged.LinkedInUrl);
        Assert.Equal(["grace@example.org", "hopper@example.net"], merged.Emails);
        Assert.Equal(1, merged.Phones);
        Assert.Equal(["compilers", "navy"], merged.Tags);
        Assert.Contains(ContactEventKind.JobChange, merged.Events);
        Assert.Contains(ContactEventKind.Merged, merged.Events);
        Assert.Equal(keep, await _app.WithDbAsync(user.Id, db => db.Contacts.Where(c => c.Id == referred).Select(c => c.ReferredById).SingleAsync()));
        Assert.Equal(2, await _app.WithDbAsync(user.Id, db => db.Contacts.CountAsync()));
    }

    [Fact]
    public async Task Merging_keeps_the_kept_contacts_photo_and_else_takes_the_others()
    {
        var user = await _app.SignUpAsync();
        var jpeg = TestImages.Jpeg(600);
        var bare = await _app.AddContactAsync(user.Id, "Ada", "Lovelace", "Analytical Engines");
        var pictured = await _app.AddContactAsync(user.Id, "Ada", "Lovelace", "Analytical Engines", c => c.Photo = new ContactPhoto { ContentType = "image/png", Bytes = TestImages.Png });
        var own = await _app.AddContactAsync(user.Id, "Alan", "Turing", "Bletchley", c => c.Photo = new ContactPhoto { ContentType = "image/jpeg", Bytes = jpeg });
        var theirs = await _app.AddContactAsync(user.Id, "Alan", "Turing", "Bletchley", c => c.Photo = new ContactPhoto { ContentType = "image/png", Bytes = TestImages.Png });

        foreach (var (keep, other) in new[] { (bare, pictured), (own, theirs) })
        {
            var compare = await user.Client.GetPageAsync($"/people/merge?a={keep}&b={other}");
            Assert.Equal(HttpStatusCode.Redirect, (await user.Client.SubmitAsync(compare, "main form", new() { ["Keep"] = keep.ToString() })).StatusCode);
        }

        // The contact page shows the picture, and the picture is the one that was meant to stay.
        var ada = await user.Client.GetPageAsync($"/people/{bare}");
        Assert.NotNull(ada.Document.QuerySelector($"img.avatar[src='/people/{bare}/photo']"));
        Assert.Equal(TestImages.Png, await (await user.Client.GetAsync($"/people/{bare}/photo")).Content.ReadAsByteArrayAsync());
        Assert.Equal(jpeg, await (await user.Client.GetAsync($"/people/{own}/photo")).Content.ReadAsByteArrayAsync());
        Assert.Equal(2, await _app.WithDbAsync(user.Id, db => db.ContactPhotos.CountAsync()));
    }

    [Fact]
    public async Task Merging_with_another_users_contact_returns_404_and_changes_nothing()
    {
        var user = await _app.SignUpAsync();
        var other = await _app.SignUpAsync();
        var mine = await _app.AddContactAsync(user.Id, "Mine", "Record");
        var theirs = await _app.AddContactAsync(other.Id, "Their", "Record");
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.GetAsync($"/people/merge?a={mine}&b={theirs}")).StatusCode);
        var token = (await user.Client.GetPageAsync("/people/new")).Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await user.Client.PostAsync("/people/merge", [new("A", mine.ToString()), new("B", theirs.ToString()), new("Keep", mine.ToString()), new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(1, await _app.WithDbAsync(other.Id, db => db.Contacts.CountAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.GetAsync($"/people/merge?a={mine}&b={mine}")).StatusCode);
    }

    [Fact]
    public async Task A_merge_that_would_copy_a_link_stored_before_the_checks_saves_nothing_and_says_why()
    {
        var user = await _app.SignUpAsync();
        var keep = await _app.AddContactAsync(user.Id, "Ada", "Lovelace");
        var other = await _app.AddContactAsync(user.Id, "Ada", "Lovelace", more: c => c.LinkedInUrl = "https://www.linkedin.com/in/ada");
        // A link restored before the checks existed: planted past the save checks, as an old database holds it.
        await _app.WithDbAsync(user.Id, db => db.Contacts.Where(c => c.Id == other)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.LinkedInUrl, "javascript:alert(1)")));
        var before = await OwnedRowsChecksum.OfAsync(_app, user.Id);

        var compare = await user.Client.GetPageAsync($"/people/merge?a={keep}&b={other}");
        var response = await user.Client.SubmitAsync(compare, "main form", new() { ["Keep"] = keep.ToString() });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await HtmlPage.ReadAsync(response, "/people/merge");
        Assert.Contains("That could not be saved", page.Text);
        Assert.Contains("Nothing was saved: " + ContactChecks.LinkedInMessage, page.Text);
        Assert.Empty((await OwnedRowsChecksum.OfAsync(_app, user.Id)).ChangedSince(before));
    }
}
