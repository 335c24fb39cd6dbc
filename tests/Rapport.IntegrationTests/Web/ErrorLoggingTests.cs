using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Web;

/// <summary>What reaches the error page, and what the log gets for it: a body that is not the form it claims to be
/// answers 400 with the normal page and logs nothing; a typed error address logs nothing; a failure that repeats
/// is written once in full and then counted, every reference a person was shown still in the log.</summary>
public partial class ErrorLoggingTests
{
    private const string Unreadable = "That request could not be read";

    [Fact]
    public async Task Fifty_bodies_that_are_not_multipart_answer_400_with_the_error_page_and_leave_the_log_quiet()
    {
        await using var app = await RapportApp.StartAsync();
        var user = await app.SignUpAsync();
        var form = await user.Client.GetPageAsync("/people/new");
        var formToken = form.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var before = app.Logs.Lines.Count;

        for (var i = 0; i < 50; i++)
        {
            var contentType = i % 2 == 0 ? "multipart/form-data" : "multipart/form-data; boundary=----rapport";
            var response = (i % 5) switch
            {
                // No account needed: the sign-in page.
                0 or 1 => await SendAsync(app.CreateAppClient(), "/account/sign-in", contentType),
                // Signed in, a form page, as a plain form would post it (the form token is in the body, which cannot be read).
                2 or 3 => await SendAsync(user.Client, "/people/new", contentType),
                // Signed in, with a valid form token in the header, as htmx sends it: the page itself reaches the body.
                _ => await SendAsync(user.Client, "/people/new", contentType, formToken),
            };
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await HtmlPage.ReadAsync(response, "/error/400");
            Assert.Equal(Unreadable, page.Document.QuerySelector("h1")?.TextContent.Trim());
        }

        var logged = app.Logs.Lines.Skip(before).ToList();
        Assert.True(logged.Count <= 2, string.Join("\n", logged));
        Assert.DoesNotContain(logged, line => line.Contains("   at ", StringComparison.Ordinal) || line.StartsWith("Error", StringComparison.Ordinal));
    }

    private static Task<HttpResponseMessage> SendAsync(AppClient client, string path, string contentType, string? formToken = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes("Input.FirstName=Ada&Input.LastName=Lovelace")) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (formToken is not null) request.Headers.Add("RequestVerificationToken", formToken);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task Typing_the_address_of_the_error_page_logs_no_failure()
    {
        await using var app = await RapportApp.StartAsync();
        var before = app.Logs.Lines.Count;

        var page = await app.CreateAppClient().GetPageAsync("/error/500");

        Assert.Equal("Something went wrong", page.Document.QuerySelector("h1")?.TextContent.Trim());
        Assert.Null(page.Document.QuerySelector("#error-reference"));
        Assert.DoesNotContain(app.Logs.Lines.Skip(before), line => line.StartsWith("Error", StringComparison.Ordinal));
    }

    [GeneratedRegex("^[A-Z2-9]{8}$")]
    private static partial Regex ReferenceCode();

    [Fact]
    public async Task Fifty_identical_failures_are_logged_once_in_full_then_counted_with_every_reference()
    {
        var app = await RapportApp.StartAsync();
        List<string> references = [];
        try
        {
            var feed = await FailingFeed.MakeAsync(app);
            var client = app.CreateAppClient();
            for (var i = 0; i < 50; i++)
            {
                var response = await client.GetAsync(feed);
                Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
                var page = await HtmlPage.ReadAsync(response, "/error");
                var reference = page.Document.QuerySelector("#error-reference code")?.TextContent.Trim() ?? "";
                Assert.Matches(ReferenceCode(), reference);
                references.Add(reference);
            }
        }
        finally
        {
            // The count is written when its minute ends or, as here, when the app stops.
            await app.DisposeAsync();
        }

        var failures = app.Logs.Lines.Where(line => line.Contains("Rapport.Features.ErrorModel", StringComparison.Ordinal)).ToList();
        Assert.True(failures.Count == 2, string.Join("\n----\n", failures.Select(f => f.Length > 1500 ? f[..1500] : f)));
        var (full, count) = (failures[0], failures[1]);
        Assert.Contains(references[0], full);
        Assert.Contains("   at ", full);
        Assert.Contains("the same failure happened 49 more times in the last", count);
        Assert.DoesNotContain("   at ", count);
        Assert.All(references.Skip(1), reference => Assert.Contains(reference, count));
        // Whatever else logged the failure (the database layer does) is counted the same way: no stack trace twice.
        var traces = app.Logs.Lines.Where(line => line.Contains("   at ", StringComparison.Ordinal)).Select(line => line.Split(':')[0]).ToList();
        Assert.True(traces.Distinct().Count() == traces.Count, string.Join("\n----\n", app.Logs.Lines.Where(line => line.Contains("   at ", StringComparison.Ordinal)).Select(f => f.Length > 800 ? f[..800] : f)));
    }
}
