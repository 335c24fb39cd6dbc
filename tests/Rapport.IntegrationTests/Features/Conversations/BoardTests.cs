using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.Domain;
using Rapport.Features.Conversations;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Conversations;

/// <summary>The pipeline board at /conversations: its cards, its limits, its filters, and moving a card (the menu's plain
/// form, or board.js's request) only along the allowed moves, from the version the board showed, as the stage buttons do.</summary>
public class BoardTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    // The test clock stands at 27 Nov 2026, 15:00 UTC; the person is in Europe/Berlin.
    private DateTime Now => _app.Clock.GetUtcNow().UtcDateTime;

    private static Dictionary<string, string> Htmx(HtmlPage page) => new()
    {
        ["HX-Request"] = "true",
        ["RequestVerificationToken"] = page.Document.QuerySelector("meta[name='antiforgery-token']")!.GetAttribute("content")!,
    };

    /// <summary>The button for one move in a card's menu (the board has one form for every menu; the pressed button
    /// names the card and the stage).</summary>
    private static string MenuButton(int id, ConversationStage to) =>
        $"ul[data-card='{id}'] button[form='board-moves'][name='card'][value^='{id}:'][value$=':{to}']";

    /// <summary>Sends the board's move form as pressing the button for <paramref name="to"/> on the card does: the form's
    /// fields and the button's name and value; a "to" in <paramref name="fields"/> puts another stage in that value (a
    /// page kept from before can send another move).</summary>
    private static Task<HttpResponseMessage> MoveAsync(AppClient client, HtmlPage page, int id, ConversationStage to, Dictionary<string, string> fields)
    {
        var pressed = page.Document.QuerySelector(MenuButton(id, to))!.GetAttribute("value")!;
        if (fields.Remove("to", out var other)) pressed = pressed[..(pressed.LastIndexOf(':') + 1)] + other;
        var sent = new Dictionary<string, string> { ["card"] = pressed };
        foreach (var (name, value) in fields) sent[name] = value;
        return client.SubmitAsync(page, "form#board-moves", sent);
    }

    private static AngleSharp.Dom.IElement Column(HtmlPage page, ConversationStage stage) =>
        page.Document.QuerySelector($"#column-{stage.ToString().ToLowerInvariant()}")!.ParentElement!;

    private static List<string> Names(HtmlPage page, ConversationStage stage) =>
        Column(page, stage).QuerySelectorAll("article.card h3").Select(h => h.TextContent.Trim()).ToList();

    private Task<Conversation> LoadAsync(string ownerId, int id) =>
        _app.WithDbAsync(ownerId, db => db.Conversations.Include(c => c.StageChanges).AsNoTracking().SingleAsync(c => c.Id == id));

    /// <summary>A conversation made directly, at a stage, moved there <paramref name="minutesAgo"/> minutes ago.</summary>
    private Task<int> ConversationAsync(string ownerId, int contactId, ConversationStage stage, int minutesAgo = 60, DateTime? meetingUtc = null) =>
        _app.WithDbAsync(ownerId, async db =>
        {
            var conversation = new Conversation { ContactId = contactId, Stage = stage, StageChangedAtUtc = Now.AddMinutes(-minutesAgo), MeetingStartUtc = meetingUtc };
            conversation.StageChanges.Add(new StageChange { From = null, To = stage, AtUtc = conversation.StageChangedAtUtc });
            db.Conversations.Add(conversation);
            await db.SaveChangesAsync();
            return conversation.Id;
        });

    [Fact]
    public async Task A_card_shows_the_person_organization_field_next_task_with_its_day_and_days_since_the_last_message()
    {
        var (user, contactId, _, id) = await ConversationTests.PlannedAsync(_app);
        await _app.WithDbAsync(user.Id, async db =>
        {
            db.OutreachAttempts.Add(new OutreachAttempt
            {
                ContactId = contactId, ConversationId = id, Channel = Channel.Email, Purpose = TemplatePurpose.Request, Body = "Hello", SentAtUtc = Now.AddDays(-3),
            });
            db.FollowUpTasks.Add(new FollowUpTask { Kind = TaskKind.Own, ContactId = contactId, Title = "Read her article", DueUtc = new DateTime(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc), AllDay = true });
            db.FollowUpTasks.Add(new FollowUpTask { Kind = TaskKind.Own, ContactId = contactId, Title = "Later task", DueUtc = new DateTime(2026, 12, 20, 9, 0, 0, DateTimeKind.Utc), AllDay = true });
            return await db.SaveChangesAsync();
        });

        var board = await user.Client.GetPageAsync("/conversations");
        var card = Column(board, ConversationStage.Idea).QuerySelector("article.card")!;
        Assert.Equal("Amara Okafor", card.QuerySelector("h3")!.TextContent.Trim());
        Assert.Equal($"/conversations/{id}", card.QuerySelector("h3 a")!.GetAttribute("href"));
        Assert.Equal("AO", card.QuerySelector(".avatar")!.TextContent.Trim());
        var text = System.Text.RegularExpressions.Regex.Replace(card.TextContent, @"\s+", " ");
        Assert.Contains("Riverside Health", text);
        var facts = card.QuerySelectorAll("dt").ToDictionary(dt => dt.TextContent.Trim(),
            dt => System.Text.RegularExpressions.Regex.Replace(dt.NextElementSibling!.TextContent, @"\s+", " ").Trim());
        Assert.Equal("UX research", facts["Field"]);
        Assert.Equal("Read her article, due 2 Dec 2026", facts["Next"]);
        Assert.Equal("3 days ago", facts["Last message"]);
        // Only the moves an idea may make are offered.
        var offered = card.QuerySelectorAll("details button[form='board-moves'][name='card']").Select(i => MenuMove.Read(i.GetAttribute("value")!)!.Value.To).ToList();
        // Scheduled needs a meeting time the board cannot set, so the menu leaves it out.
        Assert.Equal(["Requested", "Cancelled"], offered);
    }

    [Fact]
    public async Task A_column_shows_the_fifty_latest_moves_and_says_how_many_more_with_a_way_to_see_them()
    {
        var user = await _app.SignUpAsync();
        for (var i = 0; i < 51; i++)
        {
            var contact = await _app.AddContactAsync(user.Id, "Person", $"{i:D2}");
            await ConversationAsync(user.Id, contact, ConversationStage.Held, minutesAgo: 100 + i);
        }
        var board = await user.Client.GetPageAsync("/conversations");
        var names = Names(board, ConversationStage.Held);
        Assert.Equal(50, names.Count);
        Assert.Equal("Person 00", names[0]);
        Assert.Equal("Person 49", names[^1]);
        Assert.DoesNotContain("Person 50", names);
        var more = Column(board, ConversationStage.Held).QuerySelector(".board-more a")!;
        Assert.StartsWith("1 more", more.TextContent.Trim());
        Assert.Contains("51", Column(board, ConversationStage.Held).QuerySelector("h2")!.TextContent);

        var list = await user.Client.GetPageAsync(more.GetAttribute("href")!);
        Assert.Contains("stage=Held", list.Url);
        Assert.Contains("Person 50", list.Html);
        Assert.Equal(51, list.Document.QuerySelectorAll(".stage-column li").Length);
    }

    [Fact]
    public async Task The_board_narrows_by_career_field_organization_and_tag_and_a_move_keeps_the_filter()
    {
        var (user, _, fieldId, amara) = await ConversationTests.PlannedAsync(_app);
        var ben = await _app.AddContactAsync(user.Id, "Ben", "Tagged", "Northwind", c => c.Tags.Add(ContactTag.Named("Alumni")));
        var benTalk = await ConversationAsync(user.Id, ben, ConversationStage.Requested);
        var cleo = await _app.AddContactAsync(user.Id, "Cleo", "Plain", "Northwind");
        await ConversationAsync(user.Id, cleo, ConversationStage.Idea);
        var northwind = await _app.WithDbAsync(user.Id, db => db.Organizations.Where(o => o.Name == "Northwind").Select(o => o.Id).SingleAsync());

        async Task<List<string>> Shown(string query)
        {
            var page = await user.Client.GetPageAsync("/conversations" + query);
            return page.Document.QuerySelectorAll("article.card h3").Select(h => h.TextContent.Trim()).Order().ToList();
        }
        Assert.Equal(["Amara Okafor", "Ben Tagged", "Cleo Plain"], await Shown(""));
        Assert.Equal(["Amara Okafor"], await Shown($"?field={fieldId}"));
        Assert.Equal(["Ben Tagged", "Cleo Plain"], await Shown($"?org={northwind}"));
        Assert.Equal(["Ben Tagged"], await Shown("?tag=alumni"));
        Assert.Equal(["Ben Tagged"], await Shown($"?org={northwind}&tag=ALUMNI"));

        // A tag too long to be one says so beside the field and narrows nothing.
        var tooLong = await user.Client.GetPageAsync("/conversations?tag=" + new string('x', 51));
        Assert.Contains("A tag has at most 50 characters.", tooLong.Document.QuerySelector("[data-valmsg-for='Tag']")!.TextContent);
        Assert.Equal(3, tooLong.Document.QuerySelectorAll("article.card").Length);

        var narrowed = await user.Client.GetPageAsync($"/conversations?org={northwind}&tag=alumni");
        // Refused (no meeting time yet; the menu does not offer it, a form kept from before could send it): the board
        // comes back as narrowed.
        var refused = await HtmlPage.ReadAsync(await MoveAsync(user.Client, narrowed, benTalk, ConversationStage.Cancelled,
            new() { ["to"] = nameof(ConversationStage.Scheduled) }), "/conversations");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Response.StatusCode);
        Assert.Equal(["Ben Tagged"], refused.Document.QuerySelectorAll("article.card h3").Select(h => h.TextContent.Trim()).ToList());
        var cancelled = await MoveAsync(user.Client, narrowed, benTalk, ConversationStage.Cancelled, []);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal($"/conversations?org={northwind}&tag=alumni", cancelled.Headers.Location!.OriginalString);
        Assert.Equal(ConversationStage.Cancelled, (await LoadAsync(user.Id, benTalk)).Stage);
        Assert.Equal(ConversationStage.Idea, (await LoadAsync(user.Id, amara)).Stage);
    }

    [Fact]
    public async Task The_menu_moves_a_card_without_javascript_and_comes_back_to_the_board_saying_so()
    {
        var (user, _, _, id) = await ConversationTests.PlannedAsync(_app);
        var board = await user.Client.GetPageAsync("/conversations");
        var response = await MoveAsync(user.Client, board, id, ConversationStage.Requested, []);
        var after = await user.Client.FollowAsync(response);
        Assert.Equal("/conversations", after.Url);
        Assert.Contains("Amara Okafor: now requested.", after.Document.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(["Amara Okafor"], Names(after, ConversationStage.Requested));
        Assert.Empty(Names(after, ConversationStage.Idea));
        var conversation = await LoadAsync(user.Id, id);
        Assert.Equal(ConversationStage.Requested, conversation.Stage);
        Assert.Equal(2, conversation.StageChanges.Count);
    }

    [Fact]
    public async Task A_card_s_menu_offers_only_the_moves_it_can_make_now()
    {
        var (user, contactId, _, _) = await ConversationTests.PlannedAsync(_app);
        var ahead = await ConversationAsync(user.Id, contactId, ConversationStage.Scheduled, meetingUtc: Now.AddDays(2));
        var past = await ConversationAsync(user.Id, contactId, ConversationStage.Scheduled, meetingUtc: Now.AddHours(-2));
        var board = await user.Client.GetPageAsync("/conversations");
        // Before the meeting, "It took place" would only be refused; after it, it is the usual next step.
        Assert.Null(board.Document.QuerySelector(MenuButton(ahead, ConversationStage.Held)));
        Assert.NotNull(board.Document.QuerySelector(MenuButton(ahead, ConversationStage.Requested)));
        Assert.NotNull(board.Document.QuerySelector(MenuButton(past, ConversationStage.Held)));
    }

    [Theory]
    [InlineData("Held", "Amara Okafor stays at Idea: A conversation can't move from Idea to Held.")]
    [InlineData("Scheduled", "Amara Okafor stays at Idea: " + ConversationStages.NeedsMeetingTime)]
    [InlineData("Idea", "Amara Okafor stays at Idea: The conversation is already at Idea.")]
    [InlineData("Nowhere", "Amara Okafor stays at Idea: Choose a stage from the list.")]
    [InlineData("3", "Amara Okafor stays at Idea: Choose a stage from the list.")]
    public async Task A_drop_on_a_stage_it_may_not_move_to_answers_422_saying_why_and_changes_nothing(string to, string reason)
    {
        var (user, _, _, id) = await ConversationTests.PlannedAsync(_app);
        var before = await LoadAsync(user.Id, id);
        var board = await user.Client.GetPageAsync("/conversations");
        var response = await user.Client.PostAsync("/conversations?handler=Move",
            [new("id", id.ToString()), new("to", to), new("Opened.Version", before.Version.ToString())], Htmx(board));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(reason, await response.Content.ReadAsStringAsync());

        // Without JavaScript the same refusal is the board again, with the reason.
        var plain = await MoveAsync(user.Client, board, id, ConversationStage.Requested, new() { ["to"] = to });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, plain.StatusCode);
        var page = await HtmlPage.ReadAsync(plain, "/conversations");
        Assert.Equal(reason, page.Document.QuerySelector("#board-message")!.TextContent.Trim());
        Assert.Equal(["Amara Okafor"], Names(page, ConversationStage.Idea));

        var after = await LoadAsync(user.Id, id);
        Assert.Equal((ConversationStage.Idea, before.Version, 1), (after.Stage, after.Version, after.StageChanges.Count));
    }

    [Fact]
    public async Task A_card_moved_in_another_tab_answers_409_naming_where_it_is_and_nothing_moves()
    {
        var (user, _, _, id) = await ConversationTests.PlannedAsync(_app);
        var stale = await user.Client.GetPageAsync("/conversations");
        var otherTab = await user.Client.GetPageAsync("/conversations");
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(user.Client, otherTab, id, ConversationStage.Requested, [])).StatusCode);

        var plain = await MoveAsync(user.Client, stale, id, ConversationStage.Cancelled, []);
        Assert.Equal(HttpStatusCode.Conflict, plain.StatusCode);
        var page = await HtmlPage.ReadAsync(plain, "/conversations");
        Assert.Contains("moved or changed somewhere else", page.Document.QuerySelector("#board-message")!.TextContent);
        Assert.Contains("It is at Requested now.", page.Document.QuerySelector("#board-message")!.TextContent);
        // The board shown with the refusal is the current one: the card stands where it now is.
        Assert.Equal(["Amara Okafor"], Names(page, ConversationStage.Requested));

        var dragged = await user.Client.PostAsync("/conversations?handler=Move",
            [new("id", id.ToString()), new("to", "Cancelled"), new("Opened.Version", stale.Document.QuerySelector($"li[data-id='{id}']")!.GetAttribute("data-version")!),
                new("Opened.Fields", stale.Document.QuerySelector($"li[data-id='{id}']")!.GetAttribute("data-opened")!)],
            Htmx(stale));
        Assert.Equal(HttpStatusCode.Conflict, dragged.StatusCode);
        Assert.Contains("It is at Requested now.", await dragged.Content.ReadAsStringAsync());

        var conversation = await LoadAsync(user.Id, id);
        Assert.Equal(ConversationStage.Requested, conversation.Stage);
        Assert.Equal(2, conversation.StageChanges.Count);
    }

    [Fact]
    public async Task A_change_the_card_does_not_show_made_since_the_board_was_shown_does_not_stop_a_move()
    {
        var (user, _, _, id) = await ConversationTests.PlannedAsync(_app);
        var board = await user.Client.GetPageAsync("/conversations");
        await _app.WithDbAsync(user.Id, async db =>
        {
            (await db.Conversations.SingleAsync(c => c.Id == id)).FreeNotes = "Taken in another tab";
            return await db.SaveChangesAsync();
        });
        var response = await MoveAsync(user.Client, board, id, ConversationStage.Requested, []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var conversation = await LoadAsync(user.Id, id);
        Assert.Equal((ConversationStage.Requested, "Taken in another tab"), (conversation.Stage, conversation.FreeNotes));
    }

    [Fact]
    public async Task Another_person_s_card_answers_404_and_nothing_moves()
    {
        var (owner, _, _, id) = await ConversationTests.PlannedAsync(_app);
        var version = (await LoadAsync(owner.Id, id)).Version;
        var stranger = await _app.SignUpAsync();
        var board = await stranger.Client.GetPageAsync("/conversations");
        var response = await stranger.Client.PostAsync("/conversations?handler=Move",
            [new("id", id.ToString()), new("to", "Requested"), new("Opened.Version", version.ToString())], Htmx(board));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var conversation = await LoadAsync(owner.Id, id);
        Assert.Equal((ConversationStage.Idea, version), (conversation.Stage, conversation.Version));
    }

    [Fact]
    public async Task Dragging_a_card_to_held_runs_the_stage_button_s_code_so_the_rules_make_their_tasks_and_the_board_shows_them()
    {
        var (user, contactId, _, id) = await ConversationTests.PlannedAsync(_app);
        var met = Now.AddHours(-2);
        await _app.WithDbAsync(user.Id, async db =>
        {
            var c = await db.Conversations.SingleAsync(x => x.Id == id);
            c.Stage = ConversationStage.Scheduled;
            c.MeetingStartUtc = met;
            return await db.SaveChangesAsync();
        });
        var board = await user.Client.GetPageAsync("/conversations");
        var version = board.Document.QuerySelector($"li[data-id='{id}']")!.GetAttribute("data-version")!;
        var response = await user.Client.PostAsync("/conversations?handler=Move",
            [new("id", id.ToString()), new("to", "Held"), new("Opened.Version", version)], Htmx(board));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Amara Okafor: now held.", await response.Content.ReadAsStringAsync());

        var (stage, tasks, lastInTouch) = await _app.WithDbAsync(user.Id, async db => (
            await db.Conversations.Where(c => c.Id == id).Select(c => c.Stage).SingleAsync(),
            await db.FollowUpTasks.Where(t => t.DoneAtUtc == null).Select(t => new { t.Kind, t.Title }).ToListAsync(),
            await db.Contacts.Where(c => c.Id == contactId).Select(c => c.LastContactedOn).SingleAsync()));
        Assert.Equal(ConversationStage.Held, stage);
        var thankYou = Assert.Single(tasks, t => t.Kind == TaskKind.ThankYou);
        Assert.Equal(DateOnly.FromDateTime(met), lastInTouch);

        // board.js reads the columns again after the move: the card is held, and its next task is the thank-you.
        var columns = await user.Client.GetAsync("/conversations", new() { ["HX-Request"] = "true" });
        var fragment = await HtmlPage.ReadAsync(columns, "/conversations");
        Assert.Null(fragment.Document.QuerySelector("main"));
        Assert.Equal(["Amara Okafor"], Names(fragment, ConversationStage.Held));
        Assert.Contains(thankYou.Title, Column(fragment, ConversationStage.Held).TextContent);
    }

    [Fact]
    public async Task An_empty_board_says_what_to_do_first_with_the_one_button_to_do_it()
    {
        var user = await _app.SignUpAsync();
        var board = await user.Client.GetPageAsync("/conversations");
        var empty = board.Document.QuerySelector(".empty-state")!;
        Assert.Equal("/conversations/new", empty.QuerySelector("a[role=button]")!.GetAttribute("href"));
        Assert.Null(board.Document.QuerySelector(".board"));
    }

    [Fact]
    public async Task The_list_is_one_click_from_the_board_with_meetings_coming_up_and_back()
    {
        var (user, _, _, id) = await ConversationTests.PlannedAsync(_app);
        await _app.WithDbAsync(user.Id, async db =>
        {
            var c = await db.Conversations.SingleAsync(x => x.Id == id);
            c.Stage = ConversationStage.Scheduled;
            c.MeetingStartUtc = Now.AddDays(2);
            return await db.SaveChangesAsync();
        });
        var board = await user.Client.GetPageAsync("/conversations");
        var link = board.Document.QuerySelectorAll(".page-head a").Single(a => a.TextContent.Contains("as a list", StringComparison.Ordinal));
        var list = await user.Client.GetPageAsync(link.GetAttribute("href")!);
        Assert.Contains("Amara Okafor", list.Document.QuerySelector("#upcoming-heading")!.ParentElement!.TextContent);
        Assert.Contains(list.Document.QuerySelectorAll(".page-head a"), a => a.GetAttribute("href") == "/conversations");
    }
}
