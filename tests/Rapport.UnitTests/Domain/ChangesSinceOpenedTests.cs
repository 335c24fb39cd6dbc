using Rapport.Domain;

namespace Rapport.UnitTests.Domain;

public class ChangesSinceOpenedTests
{
    private static IReadOnlyList<FormField> Form(string? title, string? city, string? notes) =>
        [new("Title", title), new("City", city), new("Notes", notes)];

    [Fact]
    public void Names_each_field_changed_elsewhere_with_what_the_person_typed()
    {
        var opened = ChangesSinceOpened.Fingerprint(Form("Officer", "Arlington", "first note"));
        var saved = Form("Rear Admiral", "Arlington", "first note");
        var typed = Form("Computer scientist", "Arlington", "first note");

        Assert.Equal(["Title was changed to 'Rear Admiral' (you typed 'Computer scientist')."], ChangesSinceOpened.Describe(opened, saved, typed));
    }

    [Fact]
    public void A_field_only_the_person_changed_is_not_named()
    {
        var opened = ChangesSinceOpened.Fingerprint(Form("Officer", null, null));
        Assert.Empty(ChangesSinceOpened.Describe(opened, Form("Officer", null, null), Form("Officer", "Arlington", "my note")));
    }

    [Fact]
    public void Says_when_the_person_left_a_field_alone_cleared_it_or_typed_the_same()
    {
        var opened = ChangesSinceOpened.Fingerprint(Form("Officer", "Arlington", "note"));
        var saved = Form("Admiral", "Leeds", null);
        var typed = Form("Officer", "", "my note");

        Assert.Equal(
        [
            "Title was changed to 'Admiral' (your form still has 'Officer').",
            "City was changed to 'Leeds' (you cleared it).",
            "Notes was cleared (you typed 'my note').",
        ], ChangesSinceOpened.Describe(opened, saved, typed));
        Assert.Equal(["City was cleared (as you typed)."], ChangesSinceOpened.Describe(opened, Form("Officer", null, "note"), Form("Officer", "", "note")));
    }

    [Fact]
    public void Line_ends_sent_by_a_browser_and_blank_values_count_as_unchanged()
    {
        var opened = ChangesSinceOpened.Fingerprint(Form("Officer", null, "one\ntwo"));
        Assert.Empty(ChangesSinceOpened.Describe(opened, Form("Officer", "  ", "one\ntwo"), Form("Officer ", "", "one\r\ntwo")));
    }

    [Fact]
    public void Long_values_are_cut_short_on_one_line()
    {
        var opened = ChangesSinceOpened.Fingerprint(Form(null, null, "short"));
        var line = Assert.Single(ChangesSinceOpened.Describe(opened, Form(null, null, new string('a', 50) + "\n" + new string('b', 50)), Form(null, null, "short")));
        Assert.Equal($"Notes was changed to '{new string('a', 50)} {new string('b', 9)}…' (your form still has 'short').", line);
    }

    [Fact]
    public void Without_the_fingerprint_every_field_that_differs_from_the_typing_is_named()
    {
        Assert.Equal(["Title was changed to 'Admiral' (you typed 'Officer')."],
            ChangesSinceOpened.Describe(null, Form("Admiral", "Arlington", null), Form("Officer", "Arlington", null)));
        Assert.Equal(["City was changed to 'Arlington' (you typed 'Leeds')."],
            ChangesSinceOpened.Describe("abc.def", Form("x", "Arlington", null), Form("x", "Leeds", null)));
    }

    [Fact]
    public void A_form_whose_fields_are_all_as_opened_is_unchanged_whatever_else_moved()
    {
        var opened = ChangesSinceOpened.Fingerprint(Form("Officer", "Arlington", "one\ntwo"));
        Assert.True(ChangesSinceOpened.NoneChanged(opened, Form("Officer", "Arlington", "one\r\ntwo")));
        Assert.False(ChangesSinceOpened.NoneChanged(opened, Form("Officer", "Leeds", "one\ntwo")));
        Assert.False(ChangesSinceOpened.NoneChanged(null, Form("Officer", "Arlington", "one\ntwo")));
    }
}
