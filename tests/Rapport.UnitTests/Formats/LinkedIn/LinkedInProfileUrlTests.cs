using Rapport.Formats.LinkedIn;

namespace Rapport.UnitTests.Formats.LinkedIn;

public class LinkedInProfileUrlTests
{
    [Theory]
    [InlineData("linkedin.com/in/ada-lovelace")]
    [InlineData("https://uk.linkedin.com/in/Ada-Lovelace/?trk=abc")]
    [InlineData("http://www.linkedin.com/in/ada-lovelace/")]
    [InlineData("https://www.linkedin.com/in/ada-lovelace?originalSubdomain=fr")]
    [InlineData("www.linkedin.com/in/ada%2Dlovelace")]
    [InlineData("  HTTPS://WWW.LINKEDIN.COM/IN/ADA-LOVELACE#about  ")]
    [InlineData("https://m.linkedin.com/in/ada-lovelace")]
    [InlineData("https://fr.linkedin.com//in//ada-lovelace//")]
    [InlineData("https://www.linkedin.com/in/ada-lovelace/details/experience/")]
    [InlineData("//www.linkedin.com/in/ada-lovelace")]
    public void Spellings_of_one_profile_normalise_to_one_url(string url) =>
        Assert.Equal("https://www.linkedin.com/in/ada-lovelace", LinkedInProfileUrl.Normalize(url));

    [Theory]
    [InlineData("https://pl.linkedin.com/in/J%C3%B3zef-Kowalski", "https://www.linkedin.com/in/józef-kowalski")]
    [InlineData("https://www.linkedin.com/in/Jo\u0301zef-kowalski", "https://www.linkedin.com/in/józef-kowalski")]
    [InlineData("https://www.linkedin.com/in/%E6%9D%8E%E5%A8%9C", "https://www.linkedin.com/in/李娜")]
    [InlineData("http://www.linkedin.com/pub/Ada-Lovelace/12/345/6ab/", "https://www.linkedin.com/pub/ada-lovelace/12/345/6ab")]
    public void Non_ascii_slugs_are_decoded_to_nfc_and_pub_profiles_are_kept(string url, string expected) =>
        Assert.Equal(expected, LinkedInProfileUrl.Normalize(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not a url")]
    [InlineData("javascript:alert(1)")]
    [InlineData("javascript://www.linkedin.com/in/ada%0Aalert(1)")]
    [InlineData("http://169.254.169.254/")]
    [InlineData("http://169.254.169.254/in/ada")]
    [InlineData("ftp://www.linkedin.com/in/ada")]
    [InlineData("https://linkedin.com.evil.example/in/ada")]
    [InlineData("https://evil.example/www.linkedin.com/in/ada")]
    [InlineData("https://www.linkedin.com@evil.example/in/ada")]
    [InlineData("https://www.linkedin.com:8080/in/ada")]
    [InlineData("https://evil-linkedin.com/in/ada")]
    [InlineData("https://www.linkedin.com/company/acme")]
    [InlineData("https://www.linkedin.com/pub/dir/Ada/Lovelace")]
    [InlineData("https://www.linkedin.com/in/")]
    [InlineData("https://www.linkedin.com/in/ada%2Flovelace")]
    [InlineData("https://www.linkedin.com/in/..")]
    [InlineData("https://www.linkedin.com/in/%E0%A4")]
    [InlineData("https://www.linkedin.com/in/ada%")]
    [InlineData("https://www.linkedin.com/in/ada\tlovelace")]
    [InlineData("https://www.linkedin.com/in/<script>")]
    [InlineData("linkedin.com")]
    public void Anything_but_a_linkedin_profile_url_is_null(string? url) =>
        Assert.Null(LinkedInProfileUrl.Normalize(url));

    [Fact]
    public void A_ten_thousand_character_string_is_null()
    {
        Assert.Null(LinkedInProfileUrl.Normalize(new string('a', 10_000)));
        Assert.Null(LinkedInProfileUrl.Normalize("https://www.linkedin.com/in/" + new string('a', 10_000)));
        Assert.Null(LinkedInProfileUrl.Normalize("https://www.linkedin.com/pub/" + string.Join('/', Enumerable.Repeat(new string('a', 150), 3))));
    }
}
