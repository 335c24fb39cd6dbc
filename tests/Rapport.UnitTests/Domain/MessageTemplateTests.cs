using Rapport.Domain;

namespace Rapport.UnitTests.Domain;

public class MessageTemplateTests
{
    private static readonly Dictionary<string, string?> Values = TemplateFields.All.ToDictionary(
        f => f.Name, f => (string?)f.Example, StringComparer.Ordinal);

    private static Dictionary<string, string?> With(params (string Name, string? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    private static string Messages(string text) =>
        string.Join(" | ", MessageTemplate.Validate(text).Select(p => p.Message));

    [Theory]
    [InlineData("Hi {{contact.first_name}},", "Hi Ada,")]
    [InlineData("Hi {{ contact.first_name }},", "Hi Ada,")]
    [InlineData("Hi {{\tcontact.first_name  }},", "Hi Ada,")]
    [InlineData("{{contact.first_name}}{{contact.first_name}}", "AdaAda")]
    public void A_known_field_is_filled_with_optional_spaces_inside_the_braces(string text, string expected) =>
        Assert.Equal(expected, MessageTemplate.Render(text, With(("contact.first_name", "Ada"))));

    [Fact]
    public void A_well_formed_template_has_no_problems() =>
        Assert.Empty(MessageTemplate.Validate("Dear {{ contact.first_name }}, {{referrer.full_name}} suggested I write."));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_field_with_no_value_shows_a_visible_placeholder(string? value) =>
        Assert.Equal("Hi [contact.first_name],",
            MessageTemplate.Render("Hi {{contact.first_name}},", With(("contact.first_name", value))));

    [Fact]
    public void A_field_missing_from_the_values_shows_a_visible_placeholder() =>
        Assert.Equal("Hi [contact.first_name],", MessageTemplate.Render("Hi {{contact.first_name}},", With()));

    [Fact]
    public void Values_are_trimmed() =>
        Assert.Equal("Hi Ada,", MessageTemplate.Render("Hi {{contact.first_name}},", With(("contact.first_name", "  Ada \n"))));

    [Fact]
    public void A_value_that_looks_like_a_field_stays_literal() =>
        Assert.Equal("Hi {{contact.last_name}}, from Lee",
            MessageTemplate.Render("Hi {{contact.first_name}}, from {{contact.last_name}}",
                With(("contact.first_name", "{{contact.last_name}}"), ("contact.last_name", "Lee"))));

    [Fact]
    public void A_subject_value_with_a_line_break_cannot_add_a_header_line()
    {
        var subject = MessageTemplate.Render("Hello {{contact.first_name}}",
            With(("contact.first_name", "Ada\r\nBcc: victim@example.com")), isSubject: true);

        Assert.Equal("Hello Ada Bcc: victim@example.com", subject);
        Assert.DoesNotContain('\r', subject);
        Assert.DoesNotContain('\n', subject);
    }

    [Theory]
    [InlineData("Ada\nLee")]
    [InlineData("Ada\rLee")]
    [InlineData("Ada\r\n\r\nLee")]
    [InlineData("Ada\u2028Lee")]
    [InlineData("Ada\u2029Lee")]
    [InlineData("Ada\u0085Lee")]
    public void Every_kind_of_line_break_in_a_subject_becomes_one_space(string value) =>
        Assert.Equal("Hi Ada Lee", MessageTemplate.Render("Hi {{contact.full_name}}", With(("contact.full_name", value)), isSubject: true));

    [Fact]
    public void A_subject_is_trimmed_and_line_breaks_typed_in_the_template_go_too() =>
        Assert.Equal("Hello Ada", MessageTemplate.Render("\n Hello\n{{contact.first_name}} \r\n", With(("contact.first_name", "Ada")), isSubject: true));

    [Fact]
    public void A_body_keeps_the_line_breaks_inside_a_value() =>
        Assert.Equal("Note: one\r\ntwo",
            MessageTemplate.Render("Note: {{conversation.learned}}", With(("conversation.learned", "one\r\ntwo"))));

    [Fact]
    public void Fields_used_are_the_known_ones_in_order_and_distinct() =>
        Assert.Equal(["contact.first_name", "field.name", "me.full_name"],
            MessageTemplate.FieldsUsed("{{contact.first_name}} {{field.name}} {{Email}} {{ contact.first_name }} {{me.full_name}} {{{outcome.text}}}"));

    [Fact]
    public void Missing_fields_are_the_used_fields_without_a_value_in_order()
    {
        var values = With(("contact.first_name", "Ada"), ("field.name", " "), ("me.full_name", null));
        Assert.Equal(["me.full_name", "field.name", "promise.text"],
            MessageTemplate.MissingFields("{{me.full_name}} {{field.name}} {{contact.first_name}} {{me.full_name}} {{promise.text}}", values));
    }

    [Theory]
    [InlineData("{{FirstName}}", "Unknown field {{FirstName}}: choose one from the list.")]
    [InlineData("{{firstname}}", "Unknown field {{firstname}}: choose one from the list.")]
    [InlineData("{{Contact.First_Name}}", "Unknown field {{Contact.First_Name}}: choose one from the list.")]
    [InlineData("{{contact.email}}", "Unknown field {{contact.email}}: choose one from the list.")]
    [InlineData("{{Unknown}}", "Unknown field {{Unknown}}: choose one from the list.")]
    [InlineData("{{Contact.Owner.Email}}", "Unknown field {{Contact.Owner.Email}}: choose one from the list.")]
    [InlineData("{{User.PasswordHash}}", "Unknown field {{User.PasswordHash}}: choose one from the list.")]
    [InlineData("{{SecurityStamp}}", "Unknown field {{SecurityStamp}}: choose one from the list.")]
    [InlineData("{{this}}", "Unknown field {{this}}: choose one from the list.")]
    [InlineData("{{@root}}", "Unknown field {{@root}}: choose one from the list.")]
    [InlineData("{{../Owner}}", "Unknown field {{../Owner}}: choose one from the list.")]
    [InlineData("{{lookup this \"PasswordHash\"}}", "Unknown field {{lookup this \"PasswordHash\"}}: choose one from the list.")]
    [InlineData("{{> _Layout}}", "Unknown field {{> _Layout}}: choose one from the list.")]
    [InlineData("{{&contact.first_name}}", "Unknown field {{&contact.first_name}}: choose one from the list.")]
    [InlineData("{{contact.first_name", "A field is not closed: '{{contact.first_name' needs '}}'.")]
    [InlineData("Hi {{contact.first_name\nthere}}", "A field is not closed: '{{contact.first_name' needs '}}'. | A '}}' has no '{{' before it: remove it, or add '{{' to start the field.")]
    [InlineData("}}{{", "A '}}' has no '{{' before it: remove it, or add '{{' to start the field. | A field is not closed: '{{' needs '}}'.")]
    [InlineData("{{}}", "Empty field '{{}}'.")]
    [InlineData("{{   }}", "Empty field '{{   }}'.")]
    [InlineData("{{{contact.first_name}}}", "Too many braces in '{{{contact.first_name}}}': a field takes two on each side, like '{{contact.first_name}}'.")]
    public void Bad_markup_is_reported_in_the_persons_words(string text, string expected) =>
        Assert.Equal(expected, Messages(text));

    [Fact]
    public void Every_problem_is_reported_in_the_order_it_appears() =>
        Assert.Equal(
            [
                "Unknown field {{#each Contacts}}: choose one from the list.",
                "Unknown field {{Email}}: choose one from the list.",
                "Unknown field {{/each}}: choose one from the list.",
            ],
            MessageTemplate.Validate("{{#each Contacts}}{{Email}};{{/each}}").Select(p => p.Message));

    [Fact]
    public void A_long_unknown_name_is_shortened_in_the_message()
    {
        var message = Assert.Single(MessageTemplate.Validate("{{constructor.constructor('return process')()}}")).Message;
        Assert.StartsWith("Unknown field {{constructor.constructor('return process'", message, StringComparison.Ordinal);
        Assert.Contains("…}}", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{FirstName}}")]
    [InlineData("{{firstname}}")]
    [InlineData("{{contact.first_name")]
    [InlineData("}}{{")]
    [InlineData("{{Unknown}}")]
    [InlineData("{{Contact.Owner.Email}}")]
    [InlineData("{{User.PasswordHash}}")]
    [InlineData("{{SecurityStamp}}")]
    [InlineData("{{this}}")]
    [InlineData("{{@root}}")]
    [InlineData("{{../Owner}}")]
    [InlineData("{{lookup this \"PasswordHash\"}}")]
    [InlineData("{{#each Contacts}}{{Email}};{{/each}}")]
    [InlineData("{{> _Layout}}")]
    [InlineData("{{{contact.first_name}}}")]
    [InlineData("{{&contact.first_name}}")]
    [InlineData("{{constructor.constructor('return process')()}}")]
    [InlineData("{{}}")]
    public void Unknown_or_broken_markup_is_rendered_exactly_as_typed(string text)
    {
        // Values are offered under the very names the markup asks for: still nothing is filled.
        var values = new Dictionary<string, string?>(Values, StringComparer.Ordinal)
        {
            ["FirstName"] = "leak", ["User.PasswordHash"] = "leak", ["SecurityStamp"] = "leak", ["this"] = "leak", ["Email"] = "leak",
        };
        Assert.Equal(text, MessageTemplate.Render(text, values));
        Assert.Empty(MessageTemplate.FieldsUsed(text));
    }

    [Theory]
    [InlineData("Total: ${7*7}")]
    [InlineData("Total: <%= 7*7 %>")]
    [InlineData("Sets use {braces} and a lone } or {")]
    public void Other_template_syntaxes_are_plain_text(string text)
    {
        Assert.Empty(MessageTemplate.Validate(text));
        Assert.Equal(text, MessageTemplate.Render(text, Values));
    }

    [Fact]
    public void A_field_followed_by_a_single_brace_keeps_the_brace() =>
        Assert.Equal("Ada}", MessageTemplate.Render("{{contact.first_name}}}", With(("contact.first_name", "Ada"))));

    [Fact]
    public void Ten_thousand_nested_blocks_are_refused_as_too_long_and_render_untouched()
    {
        var text = string.Concat(Enumerable.Repeat("{{#if a}}", 10_000)) + "x" + string.Concat(Enumerable.Repeat("{{/if}}", 10_000));

        Assert.Equal(text, MessageTemplate.Render(text, Values));
        var problem = Assert.Single(MessageTemplate.Validate(text));
        Assert.StartsWith("The message is too long", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_blocks_within_the_limit_are_each_reported_as_unknown()
    {
        var text = string.Concat(Enumerable.Repeat("{{#if a}}", 1_000));

        var problems = MessageTemplate.Validate(text);

        Assert.Equal(1_000, problems.Count);
        Assert.All(problems, p => Assert.Equal("Unknown field {{#if a}}: choose one from the list.", p.Message));
    }

    [Fact]
    public void A_one_megabyte_template_is_refused_by_validate_but_still_renders()
    {
        var text = string.Concat(Enumerable.Repeat("Hi {{contact.first_name}}! ", 1_048_576 / 26));

        var problem = Assert.Single(MessageTemplate.Validate(text));
        Assert.Contains("too long", problem.Message, StringComparison.Ordinal);
        Assert.Contains("10,000", problem.Message, StringComparison.Ordinal);

        var rendered = MessageTemplate.Render(text, With(("contact.first_name", "Ada")));
        Assert.StartsWith("Hi Ada! Hi Ada! ", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void The_length_limit_is_inclusive()
    {
        Assert.Empty(MessageTemplate.Validate(new string('a', MessageTemplate.MaxLength)));
        Assert.Single(MessageTemplate.Validate(new string('a', MessageTemplate.MaxLength + 1)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_text_is_no_problem_and_renders_empty(string? text)
    {
        Assert.Empty(MessageTemplate.Validate(text));
        Assert.Empty(MessageTemplate.FieldsUsed(text));
        Assert.Equal("", MessageTemplate.Render(text, Values));
        Assert.Equal("", MessageTemplate.Render(text, Values, isSubject: true));
    }
}
