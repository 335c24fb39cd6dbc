using Rapport.Domain;

namespace Rapport.UnitTests.Domain;

public class TemplateFieldsTests
{
    [Fact]
    public void The_allowlist_holds_exactly_the_agreed_fields_in_editor_order() =>
        Assert.Equal(
            [
                "me.first_name", "me.full_name", "me.introduction", "me.availability",
                "contact.first_name", "contact.last_name", "contact.full_name", "contact.title",
                "contact.organization", "contact.school",
                "referrer.first_name", "referrer.full_name", "referrer.may_use_name",
                "organization.name", "field.name",
                "meeting.length", "meeting.time", "meeting.place",
                "conversation.learned", "promise.text", "outcome.text",
            ],
            TemplateFields.All.Select(f => f.Name));

    [Fact]
    public void Every_field_has_a_description_and_an_example()
    {
        Assert.All(TemplateFields.All, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Description), f.Name);
            Assert.False(string.IsNullOrWhiteSpace(f.Example), f.Name);
        });
    }

    [Fact]
    public void Every_name_is_lower_snake_case_with_one_dot()
    {
        Assert.All(TemplateFields.All, f =>
        {
            Assert.Single(f.Name, c => c == '.');
            Assert.All(f.Name, c => Assert.True(c is >= 'a' and <= 'z' or '_' or '.', f.Name));
        });
    }

    [Theory]
    [InlineData("contact.first_name")]
    [InlineData("me.availability")]
    [InlineData("outcome.text")]
    public void A_listed_name_is_known(string name) => Assert.True(TemplateFields.IsKnown(name));

    [Theory]
    [InlineData("Contact.First_Name")]
    [InlineData("CONTACT.FIRST_NAME")]
    [InlineData(" contact.first_name")]
    [InlineData("contact.first_name ")]
    [InlineData("contact")]
    [InlineData("contact.email")]
    [InlineData("FirstName")]
    [InlineData("")]
    public void Any_other_name_is_unknown_including_other_casing(string name) =>
        Assert.False(TemplateFields.IsKnown(name));
}
