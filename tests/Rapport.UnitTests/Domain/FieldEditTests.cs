using Rapport.Domain;

namespace Rapport.UnitTests.Domain;

public class FieldEditTests
{
    private const string Stored = "  Rear Admiral\nUS\tNavy 🙂 𝔘  ";

    [Fact]
    public void An_untouched_one_line_input_keeps_the_stored_value_with_its_line_breaks_and_spaces() =>
        Assert.Equal(Stored, FieldEdit.Line(Stored, "  Rear AdmiralUS\tNavy 🙂 𝔘  "));

    [Fact]
    public void An_untouched_email_or_web_address_input_trimmed_by_the_browser_keeps_the_stored_value() =>
        Assert.Equal(" ada@example.com ", FieldEdit.Line(" ada@example.com ", "ada@example.com"));

    [Fact]
    public void An_edited_one_line_input_is_trimmed() => Assert.Equal("Commodore", FieldEdit.Line(Stored, "  Commodore "));

    [Fact]
    public void An_untouched_text_area_sent_with_crlf_keeps_the_stored_value() =>
        Assert.Equal(Stored, FieldEdit.Text(Stored, Stored.Replace("\n", "\r\n")));

    [Fact]
    public void A_line_break_removed_in_a_text_area_is_an_edit() =>
        Assert.Equal("ab", FieldEdit.Text("a\nb", "ab"));

    [Fact]
    public void Blank_typing_clears_the_field() => Assert.Null(FieldEdit.Line(Stored, "   "));
}
