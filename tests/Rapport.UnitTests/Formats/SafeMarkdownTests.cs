using Rapport.Formats;

namespace Rapport.UnitTests.Formats;

public class SafeMarkdownTests
{
    [Fact]
    public void Ordinary_markdown_renders()
    {
        var html = SafeMarkdown.ToHtml("**Ask** about:\n- hiring\n- [careers](https://example.com/jobs)");
        Assert.Contains("<strong>Ask</strong>", html);
        Assert.Contains("<li>hiring</li>", html);
        Assert.Contains("href=\"https://example.com/jobs\"", html);
        Assert.Contains("rel=\"nofollow noopener noreferrer\"", html);
    }

    [Fact]
    public void Mailto_links_are_kept() =>
        Assert.Contains("href=\"mailto:ada@example.com\"", SafeMarkdown.ToHtml("[write](mailto:ada@example.com)"));

    [Theory]
    [InlineData("[a](javascript:alert(1))")]
    [InlineData("[a](JaVaScRiPt:alert(1))")]
    [InlineData("[a](javascript&#58;alert(1))")]
    [InlineData("[a](javascript&#x3A;alert(1))")]
    [InlineData("[a](&#x6A;avascript:alert(1))")]
    [InlineData("[a]( javascript:alert(1))")]
    [InlineData("[a](vbscript:msgbox(1))")]
    [InlineData("[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[a][r]\n\n[r]: javascript:alert(1)")]
    [InlineData("[a](java\tscript:alert(1))")]
    public void Script_links_lose_their_target_but_keep_their_text(string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"vbscript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"&#", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<details open ontoggle=alert(1)>")]
    [InlineData("<div hx-get=\"/account/profile\" hx-trigger=\"load\">")]
    [InlineData("</textarea><script>alert(1)</script>")]
    public void Raw_html_is_shown_as_text(string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<details", html);
        Assert.DoesNotContain("<div", html);
        Assert.Contains("&lt;", html);
    }

    [Fact]
    public void Images_become_links_so_no_remote_picture_loads_by_itself()
    {
        var html = SafeMarkdown.ToHtml("![pixel](https://tracker.example/pixel.gif?note=42)");
        Assert.DoesNotContain("<img", html);
        Assert.Contains("href=\"https://tracker.example/pixel.gif?note=42\"", html);
    }

    [Fact]
    public void A_title_cannot_break_out_of_its_attribute()
    {
        var html = SafeMarkdown.ToHtml("[a](https://ok.example \"t\\\" onmouseover=\\\"alert(1)\")");
        Assert.DoesNotContain("\" onmouseover", html);
    }

    [Fact]
    public void Generic_attribute_syntax_adds_no_attributes()
    {
        var html = SafeMarkdown.ToHtml("# Title {hx-get=/account/profile}");
        Assert.DoesNotContain("hx-get=\"", html);
    }

    [Theory]
    [InlineData('>', 50_000)]
    [InlineData('[', 100_000)]
    [InlineData('*', 100_000)]
    public void Pathological_nesting_renders_without_failing(char c, int count)
    {
        var input = c == '>' ? string.Join(' ', Enumerable.Repeat(">", count)) + " deep" : new string(c, count);
        Assert.NotEmpty(SafeMarkdown.ToHtml(input));
    }

    [Fact]
    public void Emphasis_nested_past_the_depth_limit_is_shown_as_typed()
    {
        var input = string.Concat(Enumerable.Repeat("*_", 50_000));
        var html = SafeMarkdown.ToHtml(input);
        Assert.StartsWith("<p>*_*_", html);
    }

    [Fact]
    public void Empty_notes_render_nothing() => Assert.Equal("", SafeMarkdown.ToHtml("  \n "));
}
